"""Why the network answered as it did: activations laid out per stage, gradient x input saliency,
views of the weights, and the map of the test set (explain/map/). numpy (torch only for the
saliency's gradients), no Qt: the window and the CLI draw what these compute.
"""
