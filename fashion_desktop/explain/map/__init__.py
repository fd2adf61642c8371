"""The network's map: the 10,000 test garments placed in 2-D by one stage's activations.

Pure numpy (plus openTSNE, imported only when t-SNE is asked for), no Qt, no torch: the callers
run the network and hand in a `forward` callable, as `dataset.testset.predict_in_chunks` does.

- `features`: which stages can be mapped, their activations for many images in cancellable
  chunks, and a key for the weights that made them.
- `layout`: PCA (exact projection of new points), the finished `MapLayout`, placing a new point
  (the drawing) and finding its nearest test images, `knn_agreement`.
- `tsne`: t-SNE through openTSNE, with progress and cancel.
- `cache`: finished maps on disk, per weights + stage + method, so a second opening is instant.
- `build`: the whole pipeline the CLI, the window and the bench share.
- `picture`: the map as a PNG (PIL), for `fashion-desktop map --out`.
"""
