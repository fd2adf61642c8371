"""The tutorial's network and everything about running it: the model and its safe weights I/O,
devices (and the one device list), inference, the untrained network, introspection, export, and
the "is this a garment?" scores. A domain package: it imports only the base modules below it.
"""
