"""Any picture -> the network's 28x28 input: preprocessing and framing, outlines and the one flood
fill, the shipped samples, and the renderings the benchmarks and training use (photo-like, sketches,
non-garments, garment drawings). A domain package: numpy and PIL, no torch, no Qt.
"""
