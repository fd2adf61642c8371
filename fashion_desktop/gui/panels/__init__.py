"""Side panels, one module each: probabilities, layer tree, parameters. Each takes plain data."""
