"""Training the network: the recipe, progress records and pause/stop control as torch-free data
(the window imports them at start-up), the loop, a session as the window runs it, comparison with
the shipped model, model cards and the familiarity and outlier fits. Above the domain packages.
"""
