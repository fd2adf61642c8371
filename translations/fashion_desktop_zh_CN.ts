<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>Input 28 × 28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nn.Flatten → 784 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear 784 → 512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear 512 → 512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear 512 → 10: logits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nn.Softmax → probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw something: every layer&apos;s output appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a hidden unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after ReLU: {0} of {1} units &gt; 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input pixel row {0}, column {1} (index {2}): {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatten index {0} (pixel row {1}, column {2}): {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} ({2}): {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · unit {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · unit {1}: {2:+.4f} → after ReLU {3:.4f}  (click: what it looks for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 1 unit {0}: its weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 2 unit {0}: via active layer 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>T-shirt/top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceChoices</name>
    <message>
        <source>&amp;Auto (CUDA, else MPS, else CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;UDA (NVIDIA GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MPS (Apple GPU)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click inside a closed outline: this area reaches the edge of the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were saved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({0} errors so far.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app keeps running; you can go on working.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name}: no such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a folder, not an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {width}×{height} pixels, over the limit of {limit} megapixels; it was refused before decoding. Scale it down and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is too large to decode safely (over {limit} megapixels); it was refused before decoding. Scale it down and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not an image this app can read (PNG, JPEG, BMP, WebP, GIF, TIFF…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged or truncated and cannot be decoded ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels of shape {shape} and type {dtype} are not an 8-bit image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to classify yet: the image is blank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a 2-D grey image, got shape {shape}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s pixel format ({mode}) cannot be converted ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file not found: {path}. Choose an existing .pth, .pt or .safetensors file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a weights file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} is empty (0 bytes). It was probably not saved completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file {path} is {size} MB; the tutorial&apos;s network needs about 2.7 MB. This is not a state_dict of NeuralNetwork.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read weights file {path}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged or truncated: it starts like a file saved by torch.save, but its end is missing (an interrupted download or copy?). Copy or save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a PyTorch weights file (it is not in torch.save&apos;s format). Save the model with torch.save(model.state_dict(), &apos;model_weights.pth&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was refused: it contains Python objects other than tensors, and loading it could run code. Only plain state_dicts are accepted (torch.save(model.state_dict(), ...)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged or truncated and cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading .safetensors files needs the &apos;safetensors&apos; package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a valid safetensors file ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} holds a {kind}, not a state_dict. Save the weights with torch.save(model.state_dict(), path).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} does not fit the tutorial&apos;s NeuralNetwork: {problems}. Expected the keys of NeuralNetwork().state_dict().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {key} is a {kind}, not a tensor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {key} has shape {shape} but the tutorial&apos;s network needs {needed}. These weights belong to a different architecture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {key} has dtype {dtype}; floating-point weights are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {key} contains NaN or infinite values; the network would output garbage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} has checksum {digest}… but {expected}… was expected: the file is damaged or was replaced. Reinstall the app or run &apos;fashion-desktop train&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped weights are missing ({path} does not exist): this installation is incomplete. Reinstall Fashion Desktop, or open your own weights (Model ▸ Open weights…, or --weights FILE).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>
&lt;h3&gt;Draw&lt;/h3&gt;
&lt;p&gt;Draw a garment on the black canvas with light strokes, the way Fashion-MNIST shows them.
The bars update while you draw. &lt;b&gt;B&lt;/b&gt; brush, &lt;b&gt;E&lt;/b&gt; eraser, &lt;b&gt;F&lt;/b&gt; fill (click inside a
closed outline), &lt;b&gt;[&lt;/b&gt; and &lt;b&gt;]&lt;/b&gt; change the brush size. Ctrl+Z undoes, Ctrl+Shift+Z or
Ctrl+Y redoes, Delete clears.&lt;/p&gt;
&lt;h3&gt;Load&lt;/h3&gt;
&lt;p&gt;Open a picture (Ctrl+O), drop a file on the window, paste one (Ctrl+V), or pick a real test
image from the Samples menu (Ctrl+1 … Ctrl+0). Photos on a light background are inverted and
cropped the way the data set was made. You can draw over a loaded picture.&lt;/p&gt;
&lt;h3&gt;Look inside&lt;/h3&gt;
&lt;p&gt;The box beside the canvas shows the 28 × 28 pixels the network really receives. The
&lt;i&gt;Layers&lt;/i&gt; panel is the network as &lt;code&gt;print(model)&lt;/code&gt; shows it; select a layer to see its
weights and biases in the &lt;i&gt;Parameters&lt;/i&gt; panel. Hover a layer for what it does.&lt;/p&gt;
&lt;h3&gt;Choose where it runs&lt;/h3&gt;
&lt;p&gt;The Device menu moves the network to the CPU, an NVIDIA GPU (CUDA) or an Apple GPU (MPS).
Model ▸ Open weights… loads a &lt;code&gt;state_dict&lt;/code&gt; you saved in the tutorial with
&lt;code&gt;torch.save(model.state_dict(), &quot;model_weights.pth&quot;)&lt;/code&gt;.&lt;/p&gt;
&lt;h3&gt;Train it yourself&lt;/h3&gt;
&lt;p&gt;Model ▸ Train the network… (Ctrl+T) trains the tutorial&apos;s network from a fresh random start
(or from the weights in use) while you keep drawing: loss and accuracy curves, pause, resume,
stop. Tick &lt;i&gt;Show the predictions of the network being trained&lt;/i&gt; to watch the bars learn. When
it is done, compare it with the shipped model, make it the live model, or save it.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>Network input, 28 by 28 pixels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsideViews</name>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why this class? (saliency overlay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour the network&apos;s input by how much each pixel pushed the class up (red) or down (blue); click a class in the chart to explain that one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Untrained network (random weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use NeuralNetwork() as the tutorial first creates it, before any training; switch off to return to the trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — untrained network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrained network: freshly initialised, as the tutorial first creates it. Its answers are noise; the trained weights are kept and come back when you switch it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why {0}? &lt;span style=&apos;color:#e6281e&apos;&gt;Red&lt;/span&gt; pixels raised its score, &lt;span style=&apos;color:#286ef0&apos;&gt;blue&lt;/span&gt; ones lowered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating an untrained network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the trained weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time Fashion Desktop starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTreePanel</name>
    <message>
        <source>The tutorial&apos;s network: flatten the image, then Linear layers with ReLU between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatten turns each 28×28 image into one row of 784 numbers, keeping the batch dimension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear multiplies its input by a learned weight matrix and adds a learned bias (y = xWᵀ + b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU keeps positive values and sets negative ones to zero, so the network can learn more than straight-line rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential passes its input through the modules listed inside it, in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax turns the 10 raw scores (logits) into probabilities between 0 and 1 that add up to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to the logits after the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>What the network sees
(28 × 28 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a picture of a garment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the canvas as a PNG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify the picture on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the whole canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw light strokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase back to black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click inside a closed outline to fill it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a state_dict saved by the tutorial (.pth, .pt) or a .safetensors file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;shipped weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking which devices this computer has…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A real Fashion-MNIST test image (#{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No samples are installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Brush size </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush size in canvas pixels (the canvas is {0} × {0}); [ and ] change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is blank: there is nothing to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not use the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG could not be encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;UDA — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;UDA (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MPS — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MPS (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: draw a garment, or pick one from the Samples menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in use before are still loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Model ▸ Open weights… to choose a weights file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inverted to light on dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed outline filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference: {0:.2f} ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source>Loading the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to see all its values in the Weights view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {0} parameters ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilitiesPanel</name>
    <message>
        <source>Loading the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a class to see which pixels pushed it up or down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to classify yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a garment, or open or paste a picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.1%} confident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestSetPanel</name>
    <message>
        <source>T-shirt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trou</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snkr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image #{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image #{0}
True: {1}
Predicted: {2} ({3:.1%}), {4}
Click to put it on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this panel to predict the 10,000 test images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop predicting the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the current network on all 10,000 test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the test images of one true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True class: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class. Click a cell to see its images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network changed: predicting the test set again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the network to load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the test set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting the 10,000 test images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting the {0:,} test images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} test images from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy {0:.2%} ({1:,} of {2:,} right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not predict the test set: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Press “Predict again” to run the network on the test set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fashion-MNIST is not on this computer&lt;/b&gt;, so there is no test set to browse.&lt;br&gt;{0}&lt;br&gt;See “The data” in the README for every place the app looks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} images ({3:.1%} of the {0} images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misclassified images appear once the predictions are in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test image #{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Fashion-MNIST is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download it (about 30 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial&apos;s: SGD, lr 0.001, batch 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped model&apos;s: AdamW, one-cycle, EMA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial&apos;s optimization loop exactly (plain SGD, no momentum), or the recipe that made the shipped weights (augmentation, dropout, an average of the weights; slower to start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads for training. One core is left for drawing and the live predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh random network (as the tutorial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in use now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from NeuralNetwork() as the tutorial creates it (seeded), or go on training the weights the bars use now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this batch, keeping the best weights so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the predictions of the network being trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bars answer with the weights being trained, updated twice a second, instead of the live model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make it the live model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trained weights as a tutorial-style state_dict with its model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with the shipped model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a network to compare it with the shipped one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion: this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion: the shipped model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference (this − shipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training, per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test, per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped model {0:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in use now ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a recipe and press Start. Drawing keeps working meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training needs the Fashion-MNIST images, which are not on this computer.

{0}

The README&apos;s &quot;The data&quot; section explains each way. Or download them here (from the same mirrors torchvision uses; each file is checked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading Fashion-MNIST…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1} of {2} files) · {3:.1f} of {4:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST is in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing after this batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping; keeping the best weights so far…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Fashion-MNIST and scoring the starting network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing filled silhouettes of the training images (the shipped recipe trains on some; about 15 s on one core)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring the result on the test images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · {2}% · about {3} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}: test accuracy {1:.3f}, loss {2:.3f}; {3:.1f} s on {4}{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (best so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in training: epoch {0}, batch {1}/{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Drawing still works; Resume goes on from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the first epoch finished: there is nothing to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: test accuracy {1:.4f} (best epoch {2}). Make it the live model, or save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained, best epoch {0} (not live yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network: test accuracy {0:.4f} on {1:,} test images (best epoch {2} of {3}, picked on held-out training images; {4} of training).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped model: {0:.4f} ({1:+.4f}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} taken for {1} ({2}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most confused: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true {0}, predicted {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} and its model card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for PyTorch to load…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Loading the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll over an image to zoom in, drag to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a parameter of this network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each of the {0} rows is one hidden unit&apos;s 784 weights, drawn as its 28 × 28 template (red: a light pixel there raises the unit, blue: lowers it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows: the {0} output units, columns: the {1} inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one bias per output unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min {0:+.4f}   max {1:+.4f}   mean {2:+.4f}   std {3:.4f}   ({4:,} values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit {0}: bias {1:+.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden unit {0}, pixel row {1}, column {2}: weight {3:+.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output unit {0} ← input {1}: weight {2:+.4f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
