"""The ten Fashion-MNIST class names, exactly as torchvision's `FashionMNIST.classes`.

Kept apart from the model so the window can label its bars before torch is imported.
`CLASS_NAMES` is the stable English contract (the JSON of `predict`, sample file names, the model
card); `class_name(i)` is what a person reads, in the language the window or the command line
chose (context "Classes" of translations/fashion_desktop_<lang>.ts; see fashion_desktop/i18n.py).
"""

from fashion_desktop.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Classes"  # the translation context of the names below

CLASS_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Classes", "T-shirt/top"),
    QT_TRANSLATE_NOOP("Classes", "Trouser"),
    QT_TRANSLATE_NOOP("Classes", "Pullover"),
    QT_TRANSLATE_NOOP("Classes", "Dress"),
    QT_TRANSLATE_NOOP("Classes", "Coat"),
    QT_TRANSLATE_NOOP("Classes", "Sandal"),
    QT_TRANSLATE_NOOP("Classes", "Shirt"),
    QT_TRANSLATE_NOOP("Classes", "Sneaker"),
    QT_TRANSLATE_NOOP("Classes", "Bag"),
    QT_TRANSLATE_NOOP("Classes", "Ankle boot"),
)
NUM_CLASSES = len(CLASS_NAMES)


def class_name(index: int) -> str:
    """The name of class `index` in the current language (English when none is chosen)."""
    return translate(CONTEXT, CLASS_NAMES[index])


def class_names() -> tuple[str, ...]:
    """All ten names in the current language, in class order."""
    return tuple(class_name(i) for i in range(NUM_CLASSES))
