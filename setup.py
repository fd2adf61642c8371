"""Build glue for what pyproject.toml cannot say: ship the top-level `resources/` inside the package.

`resources/` stays the one source of the weights, model card, samples and icons (training writes
there in a checkout; the PyInstaller spec bundles from there). A wheel or a plain `pip install .`
carries them as package data of `fashion_desktop._resources`, mapped onto that folder by
`[tool.setuptools.package-dir]` in pyproject.toml; `fashion_desktop.resources` finds them there.
pyproject.toml cannot add a mapped package to an automatic package search, hence this file: every
real package is still found automatically, so new subpackages need no list kept by hand.
"""

from setuptools import find_packages, setup

# resources/ and the subfolders its package data lives in (setuptools counts each folder as a package).
RESOURCE_PACKAGES = ["fashion_desktop._resources", "fashion_desktop._resources.icons",
                     "fashion_desktop._resources.samples"]

setup(packages=[*find_packages(include=["fashion_desktop", "fashion_desktop.*"]), *RESOURCE_PACKAGES])
