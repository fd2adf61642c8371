"""The side panels: probabilities, layers, parameters, activations, weights, test set, folder, map.

One job per module (a view and its list model are two); each takes plain data from the core.
"""
