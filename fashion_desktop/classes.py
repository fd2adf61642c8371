"""The ten Fashion-MNIST class names, exactly as torchvision's `FashionMNIST.classes`.

Kept apart from the model so the window can label its bars before torch is imported.
"""

CLASS_NAMES: tuple[str, ...] = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
NUM_CLASSES = len(CLASS_NAMES)
