"""The live classifier: one model session that answers the drawing, and the records it trades in.

It sits above the domain packages (it joins `network`, `images` and `explain`) and below the GUI,
beside `training`. `records` is plain data the window imports at start-up; `session` imports torch.
"""
