"""Fashion-MNIST on disk: finding, verifying and reading its files, the one (verified, cancellable)
downloader the CLI and the window share, and the test set's predictions and confusion matrix.
"""
