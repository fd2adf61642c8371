<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>Input 28 × 28</source>
        <translation>输入 28 × 28</translation>
    </message>
    <message>
        <source>nn.Flatten → 784 values</source>
        <translation>nn.Flatten → 784 个值</translation>
    </message>
    <message>
        <source>Linear 784 → 512</source>
        <translation>线性层 784 → 512</translation>
    </message>
    <message>
        <source>after ReLU</source>
        <translation>ReLU 之后</translation>
    </message>
    <message>
        <source>Linear 512 → 512</source>
        <translation>线性层 512 → 512</translation>
    </message>
    <message>
        <source>Linear 512 → 10: logits</source>
        <translation>线性层 512 → 10：对数几率(logits)</translation>
    </message>
    <message>
        <source>nn.Softmax → probabilities</source>
        <translation>nn.Softmax → 预测概率</translation>
    </message>
    <message>
        <source>Draw something: every layer&apos;s output appears here.</source>
        <translation>画点什么：每一层的输出都会显示在这里。</translation>
    </message>
    <message>
        <source>Click a hidden unit</source>
        <translation>点击一个隐藏单元</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>after ReLU: {0} of {1} units &gt; 0</source>
        <translation>ReLU 之后：{1} 个单元中有 {0} 个 &gt; 0</translation>
    </message>
    <message>
        <source>Input pixel row {0}, column {1} (index {2}): {3}</source>
        <translation>输入像素 第 {0} 行，第 {1} 列（索引 {2}）：{3}</translation>
    </message>
    <message>
        <source>Flatten index {0} (pixel row {1}, column {2}): {3}</source>
        <translation>Flatten 索引 {0}（像素 第 {1} 行，第 {2} 列）：{3}</translation>
    </message>
    <message>
        <source>{0} · {1} ({2}): {3}</source>
        <translation>{0} · {1}（{2}）：{3}</translation>
    </message>
    <message>
        <source>{0} · unit {1}</source>
        <translation>{0} · 单元 {1}</translation>
    </message>
    <message>
        <source>{0} · unit {1}: {2:+.4f} → after ReLU {3:.4f}  (click: what it looks for)</source>
        <translation>{0} · 单元 {1}：{2:+.4f} → ReLU 之后 {3:.4f}（点击：看它在寻找什么）</translation>
    </message>
    <message>
        <source>Layer 1 unit {0}: its weights</source>
        <translation>第 1 层 单元 {0}：它的权重</translation>
    </message>
    <message>
        <source>Layer 2 unit {0}: via active layer 1</source>
        <translation>第 2 层 单元 {0}：经由第 1 层的活跃单元</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>this chart has no numbers to export yet</source>
        <translation>这个图表还没有可导出的数字</translation>
    </message>
    <message>
        <source>unknown format {0}: use .png, .svg or .csv</source>
        <translation>未知格式 {0}：请用 .png、.svg 或 .csv</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>did you mean {names}?</source>
        <translation>你是不是想输入 {names}？</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>the commands are {names}; see {prog} --help</source>
        <translation>可用的命令有 {names}；参见 {prog} --help</translation>
    </message>
    <message>
        <source>no such file: &apos;{word}&apos;, and no command by that name ({hint})</source>
        <translation>没有文件 &apos;{word}&apos;，也没有这个命令（{hint}）</translation>
    </message>
    <message>
        <source>unknown command &apos;{word}&apos; ({hint})</source>
        <translation>未知命令 &apos;{word}&apos;（{hint}）</translation>
    </message>
    <message>
        <source>interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a device; choose one of {names}</source>
        <translation>&apos;{text}&apos; 不是设备；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>注意：{note}</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>download cancelled; files already verified are kept.</source>
        <translation>下载已取消；已校验的文件会保留。</translation>
    </message>
    <message>
        <source>Fashion-MNIST is in {folder}, where fashion-desktop looks for it.</source>
        <translation>Fashion-MNIST 位于 {folder}，fashion-desktop 会在这里找到它。</translation>
    </message>
    <message>
        <source>Fashion-MNIST is in {folder}. Use --data-dir {arg} or set FASHION_DESKTOP_DATA={arg}.</source>
        <translation>Fashion-MNIST 位于 {folder}。请使用 --data-dir {arg} 或设置 FASHION_DESKTOP_DATA={arg}。</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>noisy photo</source>
        <translation>带噪点的照片</translation>
    </message>
    <message>
        <source>cutout</source>
        <translation>抠图</translation>
    </message>
    <message>
        <source>shadowed photo</source>
        <translation>带阴影的照片</translation>
    </message>
    <message>
        <source>on grey</source>
        <translation>灰色背景上</translation>
    </message>
    <message>
        <source>lamp-lit photo</source>
        <translation>台灯下的照片</translation>
    </message>
    <message>
        <source>colour on colour</source>
        <translation>彩色衣物在彩色表面上</translation>
    </message>
    <message>
        <source>ruled page</source>
        <translation>横线本上的画</translation>
    </message>
    <message>
        <source>fine pen outline</source>
        <translation>细笔轮廓</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>outline</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <source>canvas filled</source>
        <translation>画布·填充</translation>
    </message>
    <message>
        <source>canvas outline</source>
        <translation>画布·轮廓</translation>
    </message>
    <message>
        <source>paper filled</source>
        <translation>纸上·填充</translation>
    </message>
    <message>
        <source>paper outline</source>
        <translation>纸上·轮廓</translation>
    </message>
    <message>
        <source>line art</source>
        <translation>线稿</translation>
    </message>
    <message>
        <source>flat colour</source>
        <translation>纯色填充</translation>
    </message>
    <message>
        <source>icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <source>cut-out</source>
        <translation>透明抠图</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>non-garment drawings</source>
        <translation>非服饰图画</translation>
    </message>
    <message>
        <source>non-garment drawings of unseen kinds</source>
        <translation>未见过种类的非服饰图画</translation>
    </message>
    <message>
        <source>garment sketches</source>
        <translation>服饰草图</translation>
    </message>
    <message>
        <source>reading the test set and loading the network…</source>
        <translation>正在读取测试集并加载神经网络…</translation>
    </message>
    <message>
        <source>scoring {count:,} test images…</source>
        <translation>正在评估 {count:,} 张测试图像…</translation>
    </message>
    <message>
        <source>photo-like</source>
        <translation>仿照片</translation>
    </message>
    <message>
        <source>clip-art</source>
        <translation>剪贴画</translation>
    </message>
    <message>
        <source>drawing outlines in the window…</source>
        <translation>正在窗口中绘制轮廓…</translation>
    </message>
    <message>
        <source>Test accuracy: {accuracy:.4f} on {count} images ({source}); loss {loss:.4f}</source>
        <translation>测试准确率：{accuracy:.4f}，共 {count} 张图像（{source}）；损失 {loss:.4f}</translation>
    </message>
    <message>
        <source>Photo-like &apos;{kind}&apos;: {accuracy:.4f} on {images} images</source>
        <translation>仿照片“{kind}”：{images} 张图像上的准确率为 {accuracy:.4f}</translation>
    </message>
    <message>
        <source>Flagged as unfamiliar, {kind}: {share:.3f} of {images}</source>
        <translation>标为不熟悉的比例，{kind}：{images} 张中占 {share:.3f}</translation>
    </message>
    <message>
        <source>Clip-art ({count} per class and style):</source>
        <translation>剪贴画（每类每种风格 {count} 张）：</translation>
    </message>
    <message>
        <source>  (said not to look like a garment)</source>
        <translation>  （被判定为不像服饰）</translation>
    </message>
    <message>
        <source>Outlines drawn with the mouse: {right} of {total} read right, {flagged} said not to look like a garment</source>
        <translation>用鼠标画的轮廓：{total} 个中认对 {right} 个，{flagged} 个被判定为不像服饰</translation>
    </message>
    <message>
        <source>drawing {count:,} non-garments (a house, a cat, …)…</source>
        <translation>正在绘制 {count:,} 张非服装图（房子、猫……）…</translation>
    </message>
    <message>
        <source>drawing {count:,} garment sketches to see how many are flagged…</source>
        <translation>正在绘制 {count:,} 张服装草图，看有多少被标记…</translation>
    </message>
    <message>
        <source>{kind} ({done:,}/{total:,})</source>
        <translation>{kind}（{done:,}/{total:,}）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Sketches ({count} per class and style):</source>
        <translation>草图（每个类别、每种风格 {count} 张）：</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>tops as one</source>
        <translation>上衣合并计</translation>
    </message>
    <message>
        <source>shoes left</source>
        <translation>鞋朝左</translation>
    </message>
    <message>
        <source>shoes right</source>
        <translation>鞋朝右</translation>
    </message>
    <message>
        <source>cannot list {reason}</source>
        <translation>无法列出 {reason}</translation>
    </message>
    <message>
        <source>{path}: passed over %n file(s) that are not pictures by name.</source>
        <translation>{path}：跳过了 %n 个从文件名看不是图片的文件。</translation>
    </message>
    <message>
        <source>{path}: no pictures found.</source>
        <translation>{path}：没有找到图片。</translation>
    </message>
    <message>
        <source>{path}: no pictures found (--recursive looks in subfolders too).</source>
        <translation>{path}：没有找到图片（加上 --recursive 会连子文件夹一起找）。</translation>
    </message>
    <message>
        <source>nothing to classify.</source>
        <translation>没有可分类的图片。</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>; does not look like a garment it knows</source>
        <translation>；看起来不像它认识的服饰</translation>
    </message>
    <message>
        <source>{path}: {label} ({confidence:.1%}){unfamiliar}</source>
        <translation>{path}：{label}（{confidence:.1%}）{unfamiliar}</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>{path}: error: {message}</source>
        <translation>{path}：错误：{message}</translation>
    </message>
    <message>
        <source>reading the test set, loading the network and judging 500 candidates…</source>
        <translation>正在读取测试集、加载神经网络并评判 500 个候选…</translation>
    </message>
    <message>
        <source>Wrote {count} samples to {folder}</source>
        <translation>已把 {count} 个样例写入 {folder}</translation>
    </message>
    <message>
        <source>--init {path} holds another kind of network than --recipe {recipe} trains.</source>
        <translation>--init {path} 里的网络与 --recipe {recipe} 训练的网络不是同一种。</translation>
    </message>
    <message>
        <source>--validation {count} leaves nothing to train on or is negative: hold out 0 to {most} of the {total:,} training images.</source>
        <translation>--validation {count} 为负数或没有留下可训练的图像：请在 {total:,} 张训练图像中留出 0 到 {most} 张。</translation>
    </message>
    <message>
        <source>no --teacher: this run learns from the labels alone; the shipped weights were also distilled from a teacher (README, &apos;The shipped model&apos;).</source>
        <translation>没有 --teacher：这次训练只从标签学习；随附的权重还从一个教师网络蒸馏而来（见 README 的“随附的模型”一节）。</translation>
    </message>
    <message>
        <source>stopping after this batch; the best weights so far will be kept (Ctrl+C again to abort without saving).</source>
        <translation>这个小批量完成后停止；会保留目前最好的权重（再按一次 Ctrl+C 则放弃、不保存）。</translation>
    </message>
    <message>
        <source>Training 1 epoch on {count:,} images ({device}), recipe &apos;{recipe}&apos;, seed {seed}</source>
        <translation>训练 1 轮，{count:,} 张图像（{device}），配方“{recipe}”，种子 {seed}</translation>
    </message>
    <message>
        <source>Training {epochs} epochs on {count:,} images ({device}), recipe &apos;{recipe}&apos;, seed {seed}</source>
        <translation>训练 {epochs} 轮，{count:,} 张图像（{device}），配方“{recipe}”，种子 {seed}</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} loss {loss:.3f}</source>
        <translation>第 {epoch}/{epochs} 轮 损失 {loss:.3f}</translation>
    </message>
    <message>
        <source>epoch {epoch:&gt;3}: train loss {train_loss:.4f} acc {train_accuracy:.4f} | validation loss {val_loss:.4f} acc {val_accuracy:.4f}{best} | {seconds:.1f} s</source>
        <translation>第 {epoch:&gt;3} 轮：训练损失 {train_loss:.4f} 准确率 {train_accuracy:.4f} | 验证损失 {val_loss:.4f} 准确率 {val_accuracy:.4f}{best} | {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation>（最佳）</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <source>garment drawings {done}/{total}</source>
        <translation>服装简笔画 {done}/{total}</translation>
    </message>
    <message>
        <source>made {count:,} garment drawings to train on</source>
        <translation>已生成 {count:,} 张用于训练的服装绘图</translation>
    </message>
    <message>
        <source>making sketches of the {count:,} training images…</source>
        <translation>正在为 {count:,} 张训练图像生成草图…</translation>
    </message>
    <message>
        <source>drawing the non-garments to train on…</source>
        <translation>正在绘制用于训练的非服装图…</translation>
    </message>
    <message>
        <source>the teacher&apos;s answers for every training image…</source>
        <translation>正在计算教师网络对每张训练图像的回答…</translation>
    </message>
    <message>
        <source>stopped before the first epoch finished; nothing was saved.</source>
        <translation>在第一轮完成前就停止了；没有保存任何内容。</translation>
    </message>
    <message>
        <source>Saved {path} (best epoch {epoch}); test accuracy {accuracy:.4f}</source>
        <translation>已保存 {path}（最佳为第 {epoch} 轮）；测试准确率 {accuracy:.4f}</translation>
    </message>
    <message>
        <source>Wrote {path}: temperature {temperature:.3f}</source>
        <translation>已写入 {path}：温度 {temperature:.3f}</translation>
    </message>
    <message>
        <source>scoring photo-like images and sketches for the model card…</source>
        <translation>正在为模型卡评估类照片图像和草图…</translation>
    </message>
    <message>
        <source>Wrote the model card beside it (torch {version}).</source>
        <translation>已在旁边写入模型卡片（torch {version}）。</translation>
    </message>
    <message>
        <source>familiarity: activations of 5,000 training images and sketches of them…</source>
        <translation>熟悉度：5,000 张训练图像及其草图的激活值…</translation>
    </message>
    <message>
        <source>familiarity: the threshold on learnt training images (none is held out, so no temperature)…</source>
        <translation>熟悉度：在学过的训练图像上设定阈值（没有留出的图像，因此不拟合温度）…</translation>
    </message>
    <message>
        <source>familiarity: the temperature and threshold on held-out images…</source>
        <translation>熟悉度：在留出图像上拟合温度和阈值…</translation>
    </message>
    <message>
        <source>familiarity: training the &apos;not a garment&apos; detector…</source>
        <translation>熟悉度：训练“不是服装”检测器…</translation>
    </message>
    <message>
        <source>fitting the familiarity score and the temperature…</source>
        <translation>正在拟合熟悉度分数和温度…</translation>
    </message>
    <message>
        <source>Wrote {path}: temperature {temperature:.3f}; flagged as unfamiliar: {shares}</source>
        <translation>已写入 {path}：温度 {temperature:.3f}；标为不熟悉的比例：{shares}</translation>
    </message>
    <message>
        <source>Updated {card} and {markdown}.</source>
        <translation>已更新 {card} 和 {markdown}。</translation>
    </message>
    <message>
        <source>cannot tell the format from &apos;{name}&apos;: pass --format ({formats}) or end the name in {suffixes}.</source>
        <translation>无法从“{name}”判断格式：请传入 --format（{formats}），或让文件名以 {suffixes} 结尾。</translation>
    </message>
    <message>
        <source>exporting as {format}…</source>
        <translation>正在导出为 {format}…</translation>
    </message>
    <message>
        <source>checking it against the live model…</source>
        <translation>正在与运行中的模型核对…</translation>
    </message>
    <message>
        <source>{path}: {format}, {bytes:,} bytes; reproduces the live model on {images} images, largest difference {difference:.2g} ({exporter}).</source>
        <translation>{path}：{format}，{bytes:,} 字节；在 {images} 张图像上重现了运行中的模型，最大差异 {difference:.2g}（{exporter}）。</translation>
    </message>
    <message>
        <source>--limit must be at least 12 (a map needs neighbours).</source>
        <translation>--limit 至少为 12（分布图需要近邻）。</translation>
    </message>
    <message>
        <source>t-SNE of {count} images ({stage})</source>
        <translation>{count} 张图像的 t-SNE（{stage}）</translation>
    </message>
    <message>
        <source>Using {device} device</source>
        <translation>使用 {device} 设备</translation>
    </message>
    <message>
        <source>Model structure: {model}</source>
        <translation>模型结构：{model}</translation>
    </message>
    <message>
        <source>Layer: {name} | Size: {shape} | {count:,} parameters, {bytes:,} bytes ({dtype}) | Values : {values} </source>
        <translation>层：{name} | 大小：{shape} | {count:,} 个参数，{bytes:,} 字节（{dtype}） | 值：{values} </translation>
    </message>
    <message>
        <source>Total: {count:,} parameters</source>
        <translation>共 {count:,} 个模型参数</translation>
    </message>
    <message>
        <source>no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it in a desktop session, or headless with &apos;xvfb-run -a fashion-desktop&apos;; the commands (fashion-desktop predict, evaluate, train, ...) need no display, and tests can set QT_QPA_PLATFORM=offscreen.</source>
        <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）。请在桌面会话中运行，或用 &apos;xvfb-run -a fashion-desktop&apos; 无界面运行；命令（fashion-desktop predict、evaluate、train 等）不需要显示器，测试可以设置 QT_QPA_PLATFORM=offscreen。</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>Look inside the PyTorch tutorial&apos;s Fashion-MNIST network. With no command, opens the window.</source>
        <translation>看看 PyTorch 教程中 Fashion-MNIST 神经网络的内部。不带命令时打开窗口。</translation>
    </message>
    <message>
        <source>show the program&apos;s version number and exit</source>
        <translation>显示程序的版本号并退出</translation>
    </message>
    <message>
        <source>open the window (the default; takes --open FILE, --device, --weights)</source>
        <translation>打开窗口（默认；可用 --open FILE、--device、--weights）</translation>
    </message>
    <message>
        <source>measure latency, start-up, throughput, training and memory against floors measured in the same run</source>
        <translation>测量延迟、启动、吞吐量、训练和内存，并与同一次运行中测得的基准比较</translation>
    </message>
    <message>
        <source>one JSON object (figures, floors, goals)</source>
        <translation>输出一个 JSON 对象（数值、基准、目标）</translation>
    </message>
    <message>
        <source>fewer rounds, no training figures (a minute or two)</source>
        <translation>轮数更少，不测训练（一两分钟）</translation>
    </message>
    <message>
        <source>fit the familiarity score and temperature for trained weights</source>
        <translation>为训练好的权重拟合熟悉度分数和温度</translation>
    </message>
    <message>
        <source>a state_dict (default: the shipped weights)</source>
        <translation>一个 state_dict（默认：随附的权重）</translation>
    </message>
    <message>
        <source>sketches of the sketch benchmark whose flag rate goes on the card (0 to skip)</source>
        <translation>草图基准中的草图数量，其标记率写入模型卡片（0 表示跳过）</translation>
    </message>
    <message>
        <source>auto (default), cpu, cuda, cuda:N or mps; also $FASHION_DESKTOP_DEVICE</source>
        <translation>auto（默认）、cpu、cuda、cuda:N 或 mps；也可用 $FASHION_DESKTOP_DEVICE</translation>
    </message>
    <message>
        <source>a state_dict (.pth/.pt/.safetensors); default: the shipped one</source>
        <translation>一个 state_dict（.pth/.pt/.safetensors）；默认：随附的权重</translation>
    </message>
    <message>
        <source>no progress on stderr (errors are still shown)</source>
        <translation>不在 stderr 上显示进度（错误仍会显示）</translation>
    </message>
    <message>
        <source>download Fashion-MNIST (about 30 MB, needs the internet) into the per-user data folder or FOLDER, each file checked against its SHA-256; Ctrl+C cancels</source>
        <translation>把 Fashion-MNIST（约 30 MB，需要联网）下载到每个用户的数据文件夹或 FOLDER，每个文件都核对 SHA-256；按 Ctrl+C 取消</translation>
    </message>
    <message>
        <source>where to put it (default: the per-user data folder, where it is looked for)</source>
        <translation>存放位置（默认：每个用户的数据文件夹，也就是查找数据的地方）</translation>
    </message>
    <message>
        <source>fetch from this base URL instead of the usual mirrors (repeatable)</source>
        <translation>从这个基础 URL 获取，而不用通常的镜像（可重复使用）</translation>
    </message>
    <message>
        <source>accuracy on the 10,000 test images</source>
        <translation>在 10,000 张测试图像上的准确率</translation>
    </message>
    <message>
        <source>one JSON object on stdout</source>
        <translation>在 stdout 上输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>also render N test images as photos, cut-outs and drawings and score those</source>
        <translation>另外把 N 张测试图像渲染成照片、抠图和图画，并给它们评分</translation>
    </message>
    <message>
        <source>also draw N everyday non-garment drawings of each kind (a house, a cat, …) and report how many are flagged as unfamiliar</source>
        <translation>另外为每一种日常非服饰图画（房子、猫……）各画 N 张，并报告有多少被标为不熟悉</translation>
    </message>
    <message>
        <source>also score N hand-made sketches per style (canvas/paper, filled/outline)</source>
        <translation>另外为每种风格（画布/纸上，填充/轮廓）的 N 张手工草图评分</translation>
    </message>
    <message>
        <source>also score N clip-art drawings per style (line art, flat colour, icon, cut-out)</source>
        <translation>另外按每种风格为 N 张剪贴画评分（线稿、纯色填充、图标、透明抠图）</translation>
    </message>
    <message>
        <source>also draw 20 garment outlines with mouse events in the window (offscreen) and report how many it reads right</source>
        <translation>另外在窗口中（离屏）用鼠标事件画 20 个服饰轮廓，并报告认对了多少</translation>
    </message>
    <message>
        <source>write the network as ONNX, .pt2, safetensors or a state_dict</source>
        <translation>把神经网络写成 ONNX、.pt2、safetensors 或 state_dict</translation>
    </message>
    <message>
        <source>the file to write (its suffix picks the format)</source>
        <translation>要写入的文件（扩展名决定格式）</translation>
    </message>
    <message>
        <source>onnx, pt2 (torch.export), safetensors or state_dict (.pth); default: from OUT</source>
        <translation>onnx、pt2（torch.export）、safetensors 或 state_dict（.pth）；默认：由 OUT 决定</translation>
    </message>
    <message>
        <source>print what was written as one JSON object</source>
        <translation>把写入的内容以一个 JSON 对象输出</translation>
    </message>
    <message>
        <source>place the test images on a 2-D map by a stage&apos;s activations (PCA or t-SNE)</source>
        <translation>按某一阶段的激活值把测试图像放到二维分布图上（PCA 或 t-SNE）</translation>
    </message>
    <message>
        <source>input pixels, after the first or second ReLU, or the logits (default relu2)</source>
        <translation>输入像素、第一个或第二个 ReLU 之后，或对数几率(logits)（默认 relu2）</translation>
    </message>
    <message>
        <source>pca (instant) or tsne (tens of seconds)</source>
        <translation>pca（即时）或 tsne（几十秒）</translation>
    </message>
    <message>
        <source>map with the tutorial&apos;s untrained NeuralNetwork()</source>
        <translation>用教程中未训练的 NeuralNetwork() 生成分布图</translation>
    </message>
    <message>
        <source>only the first N test images</source>
        <translation>只用前 N 张测试图像</translation>
    </message>
    <message>
        <source>CPU threads for t-SNE (default: all cores)</source>
        <translation>t-SNE 使用的 CPU 线程数（默认：全部核心）</translation>
    </message>
    <message>
        <source>compute the map even when a cached one exists</source>
        <translation>即使已有缓存也重新计算分布图</translation>
    </message>
    <message>
        <source>keep maps here instead of the per-user data folder (resources/maps: the map shipped with the app)</source>
        <translation>把分布图保存在这里，而不是每个用户的数据文件夹（resources/maps：随程序附带的分布图）</translation>
    </message>
    <message>
        <source>print only the JSON object (the default prints it too)</source>
        <translation>只输出 JSON 对象（默认也会输出它）</translation>
    </message>
    <message>
        <source>write the map as a PNG</source>
        <translation>把分布图写成 PNG</translation>
    </message>
    <message>
        <source>classify image files</source>
        <translation>对图片文件分类</translation>
    </message>
    <message>
        <source>picture files, or folders of pictures</source>
        <translation>图片文件，或装有图片的文件夹</translation>
    </message>
    <message>
        <source>one JSON list, in input order</source>
        <translation>一个 JSON 列表，按输入顺序</translation>
    </message>
    <message>
        <source>CSV: path, label, index, confidence, the ten probabilities, error; one row a file</source>
        <translation>CSV：路径、标签、序号、置信度、十个预测概率、错误；每个文件一行</translation>
    </message>
    <message>
        <source>also the pictures in subfolders</source>
        <translation>也包括子文件夹中的图片</translation>
    </message>
    <message>
        <source>write correctly classified test images as sample PNGs</source>
        <translation>把分类正确的测试图像写成样例 PNG</translation>
    </message>
    <message>
        <source>default: the app&apos;s resources/samples folder</source>
        <translation>默认：程序的 resources/samples 文件夹</translation>
    </message>
    <message>
        <source>the device, print(model) and the parameter table</source>
        <translation>训练设备、print(model) 和模型参数表</translation>
    </message>
    <message>
        <source>train the network on Fashion-MNIST</source>
        <translation>在 Fashion-MNIST 上训练神经网络</translation>
    </message>
    <message>
        <source>dropout after each ReLU while training (default 0.1)</source>
        <translation>训练时每个 ReLU 之后的 dropout（默认 0.1）</translation>
    </message>
    <message>
        <source>CPU threads (default: all cores); results are exactly reproducible for the same seed and thread count</source>
        <translation>CPU 线程数（默认：全部核心）；随机种子和线程数相同时，结果可精确复现</translation>
    </message>
    <message>
        <source>start from these weights instead of a fresh network (fine-tuning)</source>
        <translation>从这些权重开始，而不是从新的神经网络开始（微调）</translation>
    </message>
    <message>
        <source>share of training images swapped for sketches of themselves: outlines, crude shapes (default 0.25; 0 for the teacher, see README)</source>
        <translation>替换为自身草图（轮廓、粗略形状）的训练图像比例（默认 0.25；教师网络为 0，见 README）</translation>
    </message>
    <message>
        <source>share of training images swapped for their own filled silhouette (default 0.2)</source>
        <translation>替换为自身填充剪影的训练图像比例（默认 0.2）</translation>
    </message>
    <message>
        <source>share of training images swapped for a generated drawing of their class, in the proportions and with the inner lines people draw (default 0; see README, &apos;Garment drawings in training&apos;)</source>
        <translation>替换为其类别的生成简笔画（按人们画图时的比例和内部线条）的训练图像比例（默认 0；见 README 的“Garment drawings in training”一节）</translation>
    </message>
    <message>
        <source>garment drawings made per class before the first epoch, about 13 ms each (default 1000)</source>
        <translation>第一轮之前为每个类别生成的服装简笔画数量，每张约 13 毫秒（默认 1000）</translation>
    </message>
    <message>
        <source>shipped: the recipe of the bundled weights; tutorial: SGD lr 1e-3, batch 64; teacher: the small CNN the shipped weights learn from (--teacher), not usable in the app</source>
        <translation>shipped：随附权重的配方；tutorial：SGD，学习率 1e-3，批量 64；teacher：随附权重所师从的小型 CNN（--teacher），不能在应用中使用</translation>
    </message>
    <message>
        <source>distil from these weights (the tutorial&apos;s network, or a CNN made by --recipe teacher): the unchanged training images also learn their softened answers</source>
        <translation>从这些权重蒸馏（教程的网络，或 --recipe teacher 训练出的 CNN）：未改动的训练图像也学习它软化后的回答</translation>
    </message>
    <message>
        <source>weight of the teacher&apos;s answers (default 0.8; without --teacher the labels alone are learned)</source>
        <translation>教师网络答案的权重（默认 0.8；没有 --teacher 时只学习标签）</translation>
    </message>
    <message>
        <source>add this share of non-garment drawings to each batch, taught to answer no class (outlier exposure; default 0)</source>
        <translation>在每个小批量中加入这个比例的非服饰图画，教它不回答任何类别（异常暴露；默认 0）</translation>
    </message>
    <message>
        <source>mirror shoes and bags this often while training (default 0)</source>
        <translation>训练时以这个频率镜像鞋子和包（默认 0）</translation>
    </message>
    <message>
        <source>do not fit the familiarity score and temperature (familiarity.npz beside --out)</source>
        <translation>不拟合熟悉度分数和温度（--out 旁边的 familiarity.npz）</translation>
    </message>
    <message>
        <source>train on the first N training images only</source>
        <translation>只在前 N 张训练图像上训练</translation>
    </message>
    <message>
        <source>training images held out to pick the best epoch and to fit the familiarity score and the temperature (default 1000)</source>
        <translation>留出的训练图像数量：用来挑选最佳轮次，并拟合熟悉度分数和温度（默认 1000）</translation>
    </message>
    <message>
        <source>do not write the model card beside --out</source>
        <translation>不在 --out 旁边写模型卡片</translation>
    </message>
    <message>
        <source>photo-like images per kind scored for the model card (0 to skip)</source>
        <translation>为模型卡片评分的每种仿照片图像数量（0 表示跳过）</translation>
    </message>
    <message>
        <source>sketches per style of the sketch benchmark scored for the model card (0 to skip)</source>
        <translation>为模型卡片评分的草图基准中每种风格的草图数量（0 表示跳过）</translation>
    </message>
    <message>
        <source>{app}: the window.</source>
        <translation>{app}：窗口。</translation>
    </message>
    <message>
        <source>a picture to classify at start, or a folder of pictures</source>
        <translation>启动时要分类的图片，或一个图片文件夹</translation>
    </message>
    <message>
        <source>auto, cpu, cuda, cuda:N or mps (default: the last one chosen)</source>
        <translation>auto、cpu、cuda、cuda:N 或 mps（默认：上次选择的）</translation>
    </message>
    <message>
        <source>a state_dict (.pth/.pt/.safetensors) instead of the shipped one</source>
        <translation>用一个 state_dict（.pth/.pt/.safetensors）代替随附的权重</translation>
    </message>
    <message>
        <source>start, load the model, classify a sample, print the result and exit (0 = fine)</source>
        <translation>启动、加载模型、对一个样例分类、输出结果并退出（0 = 正常）</translation>
    </message>
</context>
<context>
    <name>CliTable</name>
    <message>
        <source>T-shirt</source>
        <translation>T恤</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullov</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneakr</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: predicted class):</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）：</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>This network</source>
        <translation>这个神经网络</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>随附模型</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Confusion: this network</source>
        <translation>混淆矩阵：这个神经网络</translation>
    </message>
    <message>
        <source>Confusion: the shipped model</source>
        <translation>混淆矩阵：随附模型</translation>
    </message>
    <message>
        <source>Difference (this − shipped)</source>
        <translation>差值（这个 − 随附）</translation>
    </message>
    <message>
        <source>per-class accuracy</source>
        <translation>各类准确率</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Train a network to compare it with the shipped one.</source>
        <translation>训练一个神经网络，再与随附的模型比较。</translation>
    </message>
    <message>
        <source>This network: test accuracy {0:.4f} on {1:,} test images (best epoch {2} of {3}, picked on held-out training images; {4} of training).</source>
        <translation>这个神经网络：在 {1:,} 张测试图像上的准确率为 {0:.4f}（{3} 轮中最佳为第 {2} 轮，依据留出的训练图像挑选；训练用时 {4}）。</translation>
    </message>
    <message>
        <source>The shipped model: {0:.4f} ({1:+.4f}).</source>
        <translation>随附模型：{0:.4f}（{1:+.4f}）。</translation>
    </message>
    <message>
        <source>{0} taken for {1} ({2}×)</source>
        <translation>{0}被认成{1}（{2} 次）</translation>
    </message>
    <message>
        <source>Most confused: {0}.</source>
        <translation>最常混淆：{0}。</translation>
    </message>
    <message>
        <source>the shipped model</source>
        <translation>随附模型</translation>
    </message>
    <message>
        <source>true \ predicted</source>
        <translation>真实 \ 预测</translation>
    </message>
</context>
<context>
    <name>ConfusionTable</name>
    <message>
        <source>Predicted: {0}</source>
        <translation>预测：{0}</translation>
    </message>
    <message>
        <source>True class: {0}</source>
        <translation>真实类别：{0}</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class</source>
        <translation>行：真实类别；列：预测类别</translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} images ({3:.1%} of the {0} images)</source>
        <translation>真实为{0}、预测为{1}：{2} 张（占{0}图像的 {3:.1%}）</translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2:+d} images compared with {3}</source>
        <translation>真实为{0}、预测为{1}：与{3}相比 {2:+d} 张</translation>
    </message>
</context>
<context>
    <name>DataBox</name>
    <message>
        <source>Fashion-MNIST is needed</source>
        <translation>需要 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Download it (about 30 MB)</source>
        <translation>下载（约 30 MB）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Training needs the Fashion-MNIST images, which are not on this computer.

{0}

The README&apos;s &quot;The data&quot; section explains each way. Or download them here (from the same mirrors torchvision uses; each file is checked).</source>
        <translation>训练需要 Fashion-MNIST 图像，但这台计算机上没有。

{0}

README 的“数据”一节介绍了各种获取方式。也可以在这里下载（使用与 torchvision 相同的镜像；每个文件都会校验）。</translation>
    </message>
    <message>
        <source>Downloading Fashion-MNIST…</source>
        <translation>正在下载 Fashion-MNIST…</translation>
    </message>
    <message>
        <source>{0} ({1} of {2} files) · {3:.1f} of {4:.1f} MB</source>
        <translation>{0}（第 {1} 个，共 {2} 个文件）· {3:.1f} / {4:.1f} MB</translation>
    </message>
    <message>
        <source>Fashion-MNIST is in {0}.</source>
        <translation>Fashion-MNIST 位于 {0}。</translation>
    </message>
    <message>
        <source>The download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
</context>
<context>
    <name>DeviceChoices</name>
    <message>
        <source>&amp;Auto (CUDA, else MPS, else CPU)</source>
        <translation>自动（优先 CUDA，其次 MPS，否则 CPU）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;CPU</source>
        <translation>CPU(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;UDA (NVIDIA GPU)</source>
        <translation>CUDA（NVIDIA GPU）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;MPS (Apple GPU)</source>
        <translation>MPS（Apple GPU）(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>CPU (1 thread)</source>
        <translation>CPU（1 个线程）</translation>
    </message>
    <message>
        <source>CPU ({count} threads)</source>
        <translation>CPU（{count} 个线程）</translation>
    </message>
    <message>
        <source>this PyTorch build has no CUDA support</source>
        <translation>这个 PyTorch 版本不支持 CUDA</translation>
    </message>
    <message>
        <source>no NVIDIA GPU or driver was found</source>
        <translation>没有找到 NVIDIA GPU 或驱动程序</translation>
    </message>
    <message>
        <source>only on Apple silicon Macs</source>
        <translation>仅适用于 Apple 芯片的 Mac</translation>
    </message>
    <message>
        <source>Unknown device &apos;{asked}&apos; (choose one of {names}); using the CPU.</source>
        <translation>未知设备 &apos;{asked}&apos;（请从 {names} 中选择）；改用 CPU。</translation>
    </message>
    <message>
        <source>{device} is not available ({reason}); using the CPU.</source>
        <translation>{device} 不可用（{reason}）；改用 CPU。</translation>
    </message>
    <message>
        <source>Device &apos;{asked}&apos; failed ({reason}); using the CPU.</source>
        <translation>设备 &apos;{asked}&apos; 出错（{reason}）；改用 CPU。</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>{url}: not a valid .gz file ({reason})</source>
        <translation>{url}：不是有效的 .gz 文件（{reason}）</translation>
    </message>
    <message>
        <source>{url}: the file does not match Fashion-MNIST&apos;s checksum</source>
        <translation>{url}：文件与 Fashion-MNIST 的校验和不符</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Open picture</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Click inside a closed outline: this area reaches the edge of the canvas.</source>
        <translation>请在封闭轮廓内部点击：这个区域连到了画布边缘。</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation>笔画</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation>发生了意外错误：{0}</translation>
    </message>
    <message>
        <source>The details were saved in {0}.</source>
        <translation>详细信息已保存到 {0}。</translation>
    </message>
    <message>
        <source> ({0} errors so far.)</source>
        <translation>（到目前为止共 {0} 个错误。）</translation>
    </message>
    <message>
        <source>The app keeps running; you can go on working.</source>
        <translation>程序仍在运行，你可以继续工作。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name}: no such file.</source>
        <translation>{name}：没有这个文件。</translation>
    </message>
    <message>
        <source>{name} is a folder, not an image.</source>
        <translation>{name} 是文件夹，不是图片。</translation>
    </message>
    <message>
        <source>{name} cannot be read: permission denied.</source>
        <translation>无法读取 {name}：没有权限。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation>{name} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} pixels, over the limit of {limit} megapixels; it was refused before decoding. Scale it down and try again.</source>
        <translation>{name} 有 {width}×{height} 像素，超过了 {limit} 百万像素的上限，在解码前已被拒绝。请缩小后再试。</translation>
    </message>
    <message>
        <source>{name} has no pixels.</source>
        <translation>{name} 没有像素。</translation>
    </message>
    <message>
        <source>{name} is too large to decode safely (over {limit} megapixels); it was refused before decoding. Scale it down and try again.</source>
        <translation>{name} 太大，无法安全解码（超过 {limit} 百万像素），在解码前已被拒绝。请缩小后再试。</translation>
    </message>
    <message>
        <source>{name} is not an image this app can read (PNG, JPEG, BMP, WebP, GIF, TIFF…).</source>
        <translation>{name} 不是本程序能读取的图片（PNG、JPEG、BMP、WebP、GIF、TIFF…）。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated and cannot be decoded ({reason}).</source>
        <translation>{name} 已损坏或不完整，无法解码（{reason}）。</translation>
    </message>
    <message>
        <source>Pixels of shape {shape} and type {dtype} are not an 8-bit image.</source>
        <translation>形状为 {shape}、类型为 {dtype} 的像素不是 8 位图像。</translation>
    </message>
    <message>
        <source>There is nothing to classify yet: the image is blank.</source>
        <translation>还没有可以分类的内容：图像是空白的。</translation>
    </message>
    <message>
        <source>Expected a 2-D grey image, got shape {shape}.</source>
        <translation>需要二维灰度图像，得到的形状是 {shape}。</translation>
    </message>
    <message>
        <source>The image&apos;s pixel format ({mode}) cannot be converted ({reason}).</source>
        <translation>图像的像素格式（{mode}）无法转换（{reason}）。</translation>
    </message>
    <message>
        <source>The model card {card} is missing or has no weights checksum, so the shipped weights cannot be verified. Reinstall the app, or run &apos;fashion-desktop train --out {weights}&apos; to make new weights with their card.</source>
        <translation>模型卡片 {card} 缺失或没有权重校验和，因此无法验证随附的权重。请重新安装本程序，或运行 &apos;fashion-desktop train --out {weights}&apos; 生成新的权重及其卡片。</translation>
    </message>
    <message>
        <source>Weights file not found: {path}. Choose an existing .pth, .pt or .safetensors file.</source>
        <translation>找不到权重文件：{path}。请选择一个存在的 .pth、.pt 或 .safetensors 文件。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a weights file.</source>
        <translation>{path} 是文件夹，不是权重文件。</translation>
    </message>
    <message>
        <source>Weights file {path} is empty (0 bytes). It was probably not saved completely.</source>
        <translation>权重文件 {path} 是空的（0 字节），可能没有完整保存。</translation>
    </message>
    <message>
        <source>Weights file {path} is {size} MB; the tutorial&apos;s network needs about 2.7 MB. This is not a state_dict of NeuralNetwork.</source>
        <translation>权重文件 {path} 有 {size} MB，而教程的神经网络只需要约 2.7 MB。这不是 NeuralNetwork 的 state_dict。</translation>
    </message>
    <message>
        <source>Cannot read weights file {path}: {reason}.</source>
        <translation>无法读取权重文件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated: it starts like a file saved by torch.save, but its end is missing (an interrupted download or copy?). Copy or save it again.</source>
        <translation>{name} 已损坏或不完整：它的开头像 torch.save 保存的文件，但缺少结尾（下载或复制被中断了？）。请重新复制或保存。</translation>
    </message>
    <message>
        <source>{name} is not a PyTorch weights file (it is not in torch.save&apos;s format). Save the model with torch.save(model.state_dict(), &apos;model_weights.pth&apos;).</source>
        <translation>{name} 不是 PyTorch 权重文件（不是 torch.save 的格式）。请用 torch.save(model.state_dict(), &apos;model_weights.pth&apos;) 保存模型。</translation>
    </message>
    <message>
        <source>{name} was refused: it contains Python objects other than tensors, and loading it could run code. Only plain state_dicts are accepted (torch.save(model.state_dict(), ...)).</source>
        <translation>已拒绝 {name}：它包含张量以外的 Python 对象，加载它可能会运行代码。只接受普通的 state_dict（torch.save(model.state_dict(), ...)）。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated and cannot be read ({reason}).</source>
        <translation>{name} 已损坏或不完整，无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>Reading .safetensors files needs the &apos;safetensors&apos; package.</source>
        <translation>读取 .safetensors 文件需要 &apos;safetensors&apos; 包。</translation>
    </message>
    <message>
        <source>{name} is not a valid safetensors file ({reason}).</source>
        <translation>{name} 不是有效的 safetensors 文件（{reason}）。</translation>
    </message>
    <message>
        <source>{name} holds a {kind}, not a state_dict. Save the weights with torch.save(model.state_dict(), path).</source>
        <translation>{name} 里是 {kind}，不是 state_dict。请用 torch.save(model.state_dict(), path) 保存权重。</translation>
    </message>
    <message>
        <source>{name} holds the convolutional teacher that &apos;fashion-desktop train --recipe teacher&apos; makes: a training aid for &apos;train --teacher&apos;, not a network the app runs. Open the tutorial&apos;s weights (a model_weights.pth) instead.</source>
        <translation>{name} 是 “fashion-desktop train --recipe teacher” 训练出的卷积教师网络：它只供 “train --teacher” 训练时使用，应用本身不运行它。请改为打开教程网络的权重（model_weights.pth）。</translation>
    </message>
    <message>
        <source>{name} does not fit the tutorial&apos;s NeuralNetwork: missing {missing}; unexpected {unexpected}. Expected the keys of NeuralNetwork().state_dict().</source>
        <translation>{name} 与教程的 NeuralNetwork 不匹配：缺少 {missing}；多出 {unexpected}。应为 NeuralNetwork().state_dict() 的键。</translation>
    </message>
    <message>
        <source>{name} does not fit the tutorial&apos;s NeuralNetwork: missing {missing}. Expected the keys of NeuralNetwork().state_dict().</source>
        <translation>{name} 与教程的 NeuralNetwork 不匹配：缺少 {missing}。应为 NeuralNetwork().state_dict() 的键。</translation>
    </message>
    <message>
        <source>{name} does not fit the tutorial&apos;s NeuralNetwork: unexpected {unexpected}. Expected the keys of NeuralNetwork().state_dict().</source>
        <translation>{name} 与教程的 NeuralNetwork 不匹配：多出 {unexpected}。应为 NeuralNetwork().state_dict() 的键。</translation>
    </message>
    <message>
        <source>{name}: {key} is a {kind}, not a tensor.</source>
        <translation>{name}：{key} 是 {kind}，不是张量。</translation>
    </message>
    <message>
        <source>{name}: {key} has shape {shape} but the tutorial&apos;s network needs {needed}. These weights belong to a different architecture.</source>
        <translation>{name}：{key} 的形状是 {shape}，而教程的神经网络需要 {needed}。这些权重属于另一种网络结构。</translation>
    </message>
    <message>
        <source>{name}: {key} has dtype {dtype}; floating-point weights are needed.</source>
        <translation>{name}：{key} 的数据类型是 {dtype}；需要浮点权重。</translation>
    </message>
    <message>
        <source>{name}: {key} contains NaN or infinite values; the network would output garbage.</source>
        <translation>{name}：{key} 含有 NaN 或无穷大的值；神经网络会输出无意义的结果。</translation>
    </message>
    <message>
        <source>{path} has checksum {digest}… but {expected}… was expected: the file is damaged or was replaced. Reinstall the app or run &apos;fashion-desktop train&apos;.</source>
        <translation>{path} 的校验和是 {digest}…，但应为 {expected}…：文件已损坏或被替换。请重新安装本程序，或运行 &apos;fashion-desktop train&apos;。</translation>
    </message>
    <message>
        <source>The shipped weights are missing ({path} does not exist): this installation is incomplete. Reinstall Fashion Desktop, or open your own weights (Model ▸ Open weights…, or --weights FILE).</source>
        <translation>缺少随附的权重（{path} 不存在）：本次安装不完整。请重新安装 Fashion Desktop，或打开你自己的权重（模型 ▸ 打开权重…，或 --weights FILE）。</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <source>Could not download {file}: {problems}. Check the internet connection, or install the data set another way: &apos;sudo apt-get install dataset-fashion-mnist&apos; (Debian/Ubuntu), or copy the four .gz files into {folder}.</source>
        <translation>无法下载 {file}：{problems}。请检查网络连接，或用其他方式安装数据集：&apos;sudo apt-get install dataset-fashion-mnist&apos;（Debian/Ubuntu），或者把那四个 .gz 文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>Get it with &apos;sudo apt-get install dataset-fashion-mnist&apos; (Debian/Ubuntu), or &apos;fashion-desktop download-data DIR&apos; where the internet is reachable, then pass --data-dir DIR or set {env}=DIR.</source>
        <translation>获取方式：&apos;sudo apt-get install dataset-fashion-mnist&apos;（Debian/Ubuntu），或在能联网的地方运行 &apos;fashion-desktop download-data DIR&apos;，然后传入 --data-dir DIR 或设置 {env}=DIR。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Fashion-MNIST was not found. Looked in: {places}. {how}</source>
        <translation>文件夹 {folder} 不存在。没有找到 Fashion-MNIST。查找过：{places}。{how}</translation>
    </message>
    <message>
        <source>Fashion-MNIST was not found. Looked in: {places}. {how}</source>
        <translation>没有找到 Fashion-MNIST。查找过：{places}。{how}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}. The file is damaged; reinstall the data set.</source>
        <translation>无法读取 {path}：{reason}。文件已损坏，请重新安装数据集。</translation>
    </message>
    <message>
        <source>{name} is not an IDX file of unsigned bytes.</source>
        <translation>{name} 不是无符号字节的 IDX 文件。</translation>
    </message>
    <message>
        <source>{name} is {size} bytes but its header promises {expected}: truncated or damaged.</source>
        <translation>{name} 有 {size} 字节，但文件头声明应为 {expected} 字节：文件不完整或已损坏。</translation>
    </message>
    <message>
        <source>{path} does not match Fashion-MNIST&apos;s checksum: the file is damaged or different. {how}</source>
        <translation>{path} 与 Fashion-MNIST 的校验和不符：文件已损坏或不是同一个文件。{how}</translation>
    </message>
    <message>
        <source>{folder} holds images of shape {shape} and {count} labels; not Fashion-MNIST.</source>
        <translation>{folder} 中是形状为 {shape} 的图像和 {count} 个标签；这不是 Fashion-MNIST。</translation>
    </message>
    <message>
        <source>t-SNE needs the openTSNE package ({reason}); install it with &apos;pip install openTSNE&apos;, or use PCA.</source>
        <translation>t-SNE 需要 openTSNE 包（{reason}）；请用 &apos;pip install openTSNE&apos; 安装，或改用 PCA。</translation>
    </message>
    <message>
        <source>Exporting to ONNX needs the &apos;{package}&apos; package, which is not installed (pip install onnx onnxscript). The other formats work without it.</source>
        <translation>导出为 ONNX 需要 &apos;{package}&apos; 包，但它没有安装（pip install onnx onnxscript）。其他格式不需要它。</translation>
    </message>
    <message>
        <source>PyTorch&apos;s ONNX exporter returned no program.</source>
        <translation>PyTorch 的 ONNX 导出器没有返回程序。</translation>
    </message>
    <message>
        <source>The {format} file could not be read back ({reason}); it was not kept.</source>
        <translation>无法读回 {format} 文件（{reason}）；它没有被保留。</translation>
    </message>
    <message>
        <source>The {format} file could not be run on {count} image(s) ({reason}); it was not kept.</source>
        <translation>{format} 文件无法在 {count} 张图像上运行（{reason}）；它没有被保留。</translation>
    </message>
    <message>
        <source>The {format} file gives {name} of shape {shape} for {count} image(s), not {expected}; it was not kept.</source>
        <translation>对 {count} 张图像，{format} 文件给出的 {name} 形状是 {shape}，而不是 {expected}；它没有被保留。</translation>
    </message>
    <message>
        <source>The {format} file gives non-finite {name}; it was not kept.</source>
        <translation>{format} 文件给出了非有限值的 {name}；它没有被保留。</translation>
    </message>
    <message>
        <source>The {format} file does not reproduce the live model: its outputs differ by up to {worst:.2g} (allowed {allowed:g}); it was not kept.</source>
        <translation>{format} 文件没有重现运行中的模型：输出最多相差 {worst:.2g}（允许 {allowed:g}）；它没有被保留。</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{format}&apos; for {name}: choose one of {formats} (or a file name ending in {suffixes}).</source>
        <translation>{name} 的导出格式“{format}”未知：请从 {formats} 中选择（或让文件名以 {suffixes} 结尾）。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name such as {example}.</source>
        <translation>{path} 是文件夹；请给出文件名，例如 {example}。</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消；没有写入任何内容。</translation>
    </message>
    <message>
        <source>PyTorch could not export the network as {format} ({reason}).</source>
        <translation>PyTorch 无法把神经网络导出为 {format}（{reason}）。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} contains NaN or infinite values; the teacher would teach garbage.</source>
        <translation>{name} 含有 NaN 或无穷大的值；用它当教师只会教出无意义的结果。</translation>
    </message>
    <message>
        <source>{name} is neither the tutorial&apos;s NeuralNetwork nor the convolutional teacher that &apos;fashion-desktop train --recipe teacher&apos; makes.</source>
        <translation>{name} 既不是教程的 NeuralNetwork，也不是 “fashion-desktop train --recipe teacher” 训练出的卷积教师网络。</translation>
    </message>
</context>
<context>
    <name>ExportViews</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Classify a &amp;folder…</source>
        <translation>对文件夹分类…(&amp;F)</translation>
    </message>
    <message>
        <source>Classify every picture in a folder; sort, filter and export the answers</source>
        <translation>对文件夹中的每张图片分类；可排序、筛选并导出结果</translation>
    </message>
    <message>
        <source>&amp;Export the network…</source>
        <translation>导出神经网络…(&amp;E)</translation>
    </message>
    <message>
        <source>Save the loaded network as ONNX, a torch.export program, safetensors or a state_dict</source>
        <translation>把已加载的神经网络保存为 ONNX、torch.export 程序、safetensors 或 state_dict</translation>
    </message>
    <message>
        <source>Copy &amp;chart</source>
        <translation>复制图表(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the chart under the mouse pointer as a picture and as numbers</source>
        <translation>把鼠标指针下的图表复制为图片和数字</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Classify the pictures in a folder</source>
        <translation>对文件夹中的图片分类</translation>
    </message>
    <message>
        <source>Cannot classify the folder yet</source>
        <translation>暂时无法对文件夹分类</translation>
    </message>
    <message>
        <source>The network is still loading; try again in a moment.</source>
        <translation>神经网络仍在加载；请稍后再试。</translation>
    </message>
    <message>
        <source>Nothing to export yet</source>
        <translation>还没有可导出的内容</translation>
    </message>
    <message>
        <source>Export the network</source>
        <translation>导出神经网络</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有一个导出正在进行。</translation>
    </message>
    <message>
        <source>Exporting the network…</source>
        <translation>正在导出神经网络…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the file back and checking it against the live model…</source>
        <translation>正在读回文件并与实时模型核对…</translation>
    </message>
    <message>
        <source>Exported {0} ({1:,} bytes); it gives the live model&apos;s answers on {2} test inputs (largest difference {3:.1g}).</source>
        <translation>已导出 {0}（{1:,} 字节）；在 {2} 个测试输入上它给出与实时模型相同的答案（最大差值 {3:.1g}）。</translation>
    </message>
    <message>
        <source>The network was not exported</source>
        <translation>神经网络没有导出</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；没有写入任何内容。</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0}{1}</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <source>Save the numbers as CSV…</source>
        <translation>把数字另存为 CSV…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>PNG picture…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG 矢量图…</translation>
    </message>
    <message>
        <source>CSV numbers…</source>
        <translation>CSV 数字…</translation>
    </message>
    <message>
        <source>No chart is shown</source>
        <translation>没有显示图表</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV numbers (*.csv)</source>
        <translation>CSV 数字 (*.csv)</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>导出{0}</translation>
    </message>
    <message>
        <source>Could not export the chart</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>No chart is shown.</source>
        <translation>没有显示图表。</translation>
    </message>
    <message>
        <source>Copied {0} (picture and numbers).</source>
        <translation>已复制{0}（图片和数字）。</translation>
    </message>
</context>
<context>
    <name>FolderJob</name>
    <message>
        <source>{0} crashed the picture decoder; the file may be damaged.</source>
        <translation>{0} 使图片解码器崩溃；该文件可能已损坏。</translation>
    </message>
    <message>
        <source>{0} could not be used ({1}: {2}).</source>
        <translation>无法使用 {0}（{1}：{2}）。</translation>
    </message>
</context>
<context>
    <name>FolderModel</name>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>Second guess</source>
        <translation>第二猜测</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>FolderView</name>
    <message>
        <source>Choose File ▸ Classify a folder… or drop a folder on the window.</source>
        <translation>请选择 文件 ▸ 对文件夹分类…，或把文件夹拖到窗口上。</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>包括子文件夹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Only files with errors</source>
        <translation>只看出错的文件</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <source>Show only answers at least this confident</source>
        <translation>只显示预测概率不低于此值的结果</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Looking for pictures…</source>
        <translation>正在查找图片…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source> (1 other file passed over)</source>
        <translation>（跳过了 1 个其他文件）</translation>
    </message>
    <message numerus="yes">
        <source> (%n other files passed over)</source>
        <translation>
            <numerusform>（跳过了 %n 个其他文件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Classifying 1 picture…</source>
        <translation>正在对 1 张图片分类…</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n pictures…</source>
        <translation>
            <numerusform>正在对 %n 张图片分类…</numerusform>
        </translation>
    </message>
    <message>
        <source>1 picture classified in {0:.1f} s</source>
        <translation>已在 {0:.1f} 秒内对 1 张图片分类</translation>
    </message>
    <message numerus="yes">
        <source>%n pictures classified in {0:.1f} s</source>
        <translation>
            <numerusform>已在 {0:.1f} 秒内对 %n 张图片分类</numerusform>
        </translation>
    </message>
    <message>
        <source>; 1 other file passed over</source>
        <translation>；跳过了 1 个其他文件</translation>
    </message>
    <message numerus="yes">
        <source>; %n other files passed over</source>
        <translation>
            <numerusform>；跳过了 %n 个其他文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled after 1 file; the answers so far are kept.</source>
        <translation>处理 1 个文件后已取消；已有的结果会保留。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n files; the answers so far are kept.</source>
        <translation>
            <numerusform>处理 %n 个文件后已取消；已有的结果会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote 1 answer to {0}.</source>
        <translation>已把 1 个结果写入 {0}。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n answers to {0}.</source>
        <translation>
            <numerusform>已把 %n 个结果写入 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <source> Include subfolders to look deeper.</source>
        <translation> 勾选“包括子文件夹”可以往下层查找。</translation>
    </message>
    <message>
        <source>No pictures in this folder.</source>
        <translation>这个文件夹里没有图片。</translation>
    </message>
    <message numerus="yes">
        <source>; %n could not be read (see the Error column)</source>
        <translation>
            <numerusform>；%n 张无法读取（见“错误”列）</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>已停止：{0}</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>显示 {0} / {1}</translation>
    </message>
    <message>
        <source>Export the answers</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>pyqtgraph</source>
        <translation>pyqtgraph</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Draw a garment and watch the PyTorch tutorial&apos;s Fashion-MNIST network classify it, live.</source>
        <translation>画一件服饰，实时看着 PyTorch 教程里的 Fashion-MNIST 神经网络给它分类。</translation>
    </message>
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
        <translation>
&lt;h3&gt;绘图&lt;/h3&gt;
&lt;p&gt;在黑色画布上用浅色笔画画一件服饰，就像 Fashion-MNIST 里的样子。
你画的同时条形图就会更新。&lt;b&gt;B&lt;/b&gt; 画笔，&lt;b&gt;E&lt;/b&gt; 橡皮擦，&lt;b&gt;F&lt;/b&gt; 填充（在封闭轮廓内点击），
&lt;b&gt;[&lt;/b&gt; 和 &lt;b&gt;]&lt;/b&gt; 调整画笔大小。Ctrl+Z 撤销，Ctrl+Shift+Z 或 Ctrl+Y 重做，Delete 清空。&lt;/p&gt;
&lt;h3&gt;载入&lt;/h3&gt;
&lt;p&gt;打开一张图片（Ctrl+O）、把文件拖到窗口上、粘贴一张（Ctrl+V），或从“样例”菜单中选一张真实的测试图像
（Ctrl+1 … Ctrl+0）。浅色背景上的照片会像制作数据集时那样被反相和裁剪。你可以在载入的图片上继续画。&lt;/p&gt;
&lt;h3&gt;看看内部&lt;/h3&gt;
&lt;p&gt;画布旁边的小框显示神经网络真正收到的 28 × 28 像素。&lt;i&gt;层&lt;/i&gt;面板就是 &lt;code&gt;print(model)&lt;/code&gt;
显示的神经网络；选中一层，即可在&lt;i&gt;模型参数&lt;/i&gt;面板中查看它的权重和偏置。把鼠标停在某一层上可以看到它的作用。&lt;/p&gt;
&lt;h3&gt;选择在哪里运行&lt;/h3&gt;
&lt;p&gt;“设备”菜单把神经网络移到 CPU、NVIDIA GPU（CUDA）或 Apple GPU（MPS）上。
模型 ▸ 打开权重… 可以加载你在教程中用
&lt;code&gt;torch.save(model.state_dict(), &quot;model_weights.pth&quot;)&lt;/code&gt; 保存的 &lt;code&gt;state_dict&lt;/code&gt;。&lt;/p&gt;
&lt;h3&gt;自己训练&lt;/h3&gt;
&lt;p&gt;模型 ▸ 训练神经网络…（Ctrl+T）从全新的随机起点（或从当前使用的权重）训练教程的神经网络，
训练时你可以继续绘图：损失和准确率曲线，暂停、继续、停止。勾选&lt;i&gt;显示正在训练的神经网络的预测&lt;/i&gt;，
就能看着条形图学习。训练完成后，可以把它与随附的模型比较、设为实时模型，或者保存。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>{0} guide</source>
        <translation>{0} 使用指南</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>关于 {0}</translation>
    </message>
</context>
<context>
    <name>InferenceWorker</name>
    <message>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <source>No weights are loaded. Use Model ▸ Open weights…</source>
        <translation>没有加载权重。请用 模型 ▸ 打开权重…</translation>
    </message>
    <message>
        <source>{0} failed ({1}); the network now runs on the CPU.</source>
        <translation>{0} 出错（{1}）；神经网络现在在 CPU 上运行。</translation>
    </message>
    <message>
        <source>The saliency overlay was switched off: {0}</source>
        <translation>显著性叠加已关闭：{0}</translation>
    </message>
    <message>
        <source>Loading the weights…</source>
        <translation>正在加载权重…</translation>
    </message>
    <message>
        <source>The network could not be started.</source>
        <translation>无法启动神经网络。</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>Network input, 28 by 28 pixels</source>
        <translation>神经网络的输入，28 × 28 像素</translation>
    </message>
</context>
<context>
    <name>InsideViews</name>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>&amp;Why this class? (saliency overlay)</source>
        <translation>为什么是这一类？（显著性叠加）(&amp;W)</translation>
    </message>
    <message>
        <source>Colour the network&apos;s input by how much each pixel pushed the class up (red) or down (blue); click a class in the chart to explain that one</source>
        <translation>按每个像素把该类别的得分推高（红）或压低（蓝）的程度给神经网络的输入着色；在图表中点击一个类别即可解释该类别</translation>
    </message>
    <message>
        <source>&amp;Untrained network (random weights)</source>
        <translation>未训练的神经网络（随机权重）(&amp;U)</translation>
    </message>
    <message>
        <source>Use NeuralNetwork() as the tutorial first creates it, before any training; switch off to return to the trained weights</source>
        <translation>使用教程最初创建、尚未训练的 NeuralNetwork()；关闭即回到训练好的权重</translation>
    </message>
    <message>
        <source>See inside</source>
        <translation>看看内部</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Untrained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <source> — untrained network</source>
        <translation> — 未训练的神经网络</translation>
    </message>
    <message>
        <source>Untrained network: freshly initialised, as the tutorial first creates it. Its answers are noise; the trained weights are kept and come back when you switch it off.</source>
        <translation>未训练的神经网络：刚刚初始化，就像教程最初创建的那样。它的回答只是噪声；训练好的权重已保留，关闭此项即可恢复。</translation>
    </message>
    <message>
        <source>Why {0}? &lt;span style=&apos;color:#e6281e&apos;&gt;Red&lt;/span&gt; pixels raised its score, &lt;span style=&apos;color:#286ef0&apos;&gt;blue&lt;/span&gt; ones lowered it.</source>
        <translation>为什么是{0}？&lt;span style=&apos;color:#e6281e&apos;&gt;红色&lt;/span&gt;像素提高了它的得分，&lt;span style=&apos;color:#286ef0&apos;&gt;蓝色&lt;/span&gt;像素降低了它的得分。</translation>
    </message>
    <message>
        <source>Creating an untrained network…</source>
        <translation>正在创建未训练的神经网络…</translation>
    </message>
    <message>
        <source>Back to the trained weights…</source>
        <translation>正在恢复训练好的权重…</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies the next time Fashion Desktop starts.</source>
        <translation>新的语言将在下次启动 Fashion Desktop 时生效。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>LayerTreePanel</name>
    <message>
        <source>The tutorial&apos;s network: flatten the image, then Linear layers with ReLU between them.</source>
        <translation>教程的神经网络：先把图像展平，然后是线性层，层与层之间是 ReLU。</translation>
    </message>
    <message>
        <source>Flatten turns each 28×28 image into one row of 784 numbers, keeping the batch dimension.</source>
        <translation>Flatten 把每张 28×28 的图像变成一行 784 个数，保留小批量维度。</translation>
    </message>
    <message>
        <source>Linear multiplies its input by a learned weight matrix and adds a learned bias (y = xWᵀ + b).</source>
        <translation>线性层(Linear)把输入乘以学到的权重矩阵，再加上学到的偏置（y = xWᵀ + b）。</translation>
    </message>
    <message>
        <source>ReLU keeps positive values and sets negative ones to zero, so the network can learn more than straight-line rules.</source>
        <translation>ReLU 保留正值、把负值置为零；这种非线性激活函数让神经网络能学到比直线规则更多的东西。</translation>
    </message>
    <message>
        <source>Sequential passes its input through the modules listed inside it, in order.</source>
        <translation>Sequential 让输入按顺序依次经过其中列出的各个模块。</translation>
    </message>
    <message>
        <source>Softmax turns the 10 raw scores (logits) into probabilities between 0 and 1 that add up to 1.</source>
        <translation>Softmax 把 10 个原始得分（对数几率 logits）变成 0 到 1 之间、总和为 1 的预测概率。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>模型参数</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>正在加载神经网络…</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Applied to the logits after the network.</source>
        <translation>在神经网络之后作用于对数几率(logits)。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>What the network sees
(28 × 28 pixels)</source>
        <translation>神经网络看到的
（28 × 28 像素）</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>模型参数</translation>
    </message>
    <message>
        <source>Device: loading…</source>
        <translation>设备：加载中…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Loading weights…</source>
        <translation>正在加载权重…</translation>
    </message>
    <message>
        <source>Switching to {0}…</source>
        <translation>正在切换到 {0}…</translation>
    </message>
    <message>
        <source>Device: {0} ({1})</source>
        <translation>设备：{0}（{1}）</translation>
    </message>
    <message>
        <source>Ready: draw a garment, or pick one from the Samples menu.</source>
        <translation>就绪：画一件服饰，或从“样例”菜单中选一张。</translation>
    </message>
    <message>
        <source>Using {0} on {1}</source>
        <translation>正在 {1} 上使用 {0}</translation>
    </message>
    <message>
        <source>The weights in use before are still loaded.</source>
        <translation>之前使用的权重仍然有效。</translation>
    </message>
    <message>
        <source>Could not load the weights</source>
        <translation>无法加载权重</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>没有加载模型。</translation>
    </message>
    <message>
        <source>Device: none</source>
        <translation>设备：无</translation>
    </message>
    <message>
        <source>Could not load the network</source>
        <translation>无法加载神经网络</translation>
    </message>
    <message>
        <source>Use Model ▸ Open weights… to choose a weights file.</source>
        <translation>请用 模型 ▸ 打开权重… 选择一个权重文件。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Classification failed: {0}</source>
        <translation>分类失败：{0}</translation>
    </message>
    <message>
        <source>Inference: {0:.2f} ms (NumPy, while PyTorch loads)</source>
        <translation>推理：{0:.2f} 毫秒（PyTorch 加载期间由 NumPy 计算）</translation>
    </message>
    <message>
        <source>PyTorch is still loading; the same network answered, computed with NumPy.</source>
        <translation>PyTorch 仍在加载；同一个神经网络用 NumPy 计算给出了答案。</translation>
    </message>
    <message>
        <source>Inference: {0:.2f} ms (PyTorch)</source>
        <translation>推理：{0:.2f} 毫秒（PyTorch）</translation>
    </message>
    <message>
        <source>PyTorch computed this answer on the chosen device.</source>
        <translation>这个答案由 PyTorch 在所选设备上计算。</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>placed by their pixels</source>
        <translation>按像素排布</translation>
    </message>
    <message>
        <source>after the first ReLU</source>
        <translation>按第一个 ReLU 之后的输出排布</translation>
    </message>
    <message>
        <source>after the second ReLU</source>
        <translation>按第二个 ReLU 之后的输出排布</translation>
    </message>
    <message>
        <source>placed by their logits</source>
        <translation>按对数几率(logits)排布</translation>
    </message>
    <message>
        <source>Input pixels</source>
        <translation>输入像素</translation>
    </message>
    <message>
        <source>After the first ReLU</source>
        <translation>第一个 ReLU 之后</translation>
    </message>
    <message>
        <source>After the second ReLU</source>
        <translation>第二个 ReLU 之后</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>对数几率(logits)</translation>
    </message>
    <message>
        <source>Which layer&apos;s activations place the test images</source>
        <translation>用哪一层的激活值来排布测试图像</translation>
    </message>
    <message>
        <source>PCA (instant)</source>
        <translation>PCA（即时）</translation>
    </message>
    <message>
        <source>t-SNE (under a minute, then cached)</source>
        <translation>t-SNE（不到一分钟，之后会缓存）</translation>
    </message>
    <message>
        <source>PCA keeps distances straight; t-SNE keeps neighbours together</source>
        <translation>PCA 保持距离不变形；t-SNE 让相邻的点待在一起</translation>
    </message>
    <message>
        <source>t-SNE needs the openTSNE package, which is not installed</source>
        <translation>t-SNE 需要 openTSNE 包，但它没有安装</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Show one true class alone</source>
        <translation>只显示一个真实类别</translation>
    </message>
    <message>
        <source>Show this view to place the 10,000 test images.</source>
        <translation>显示此视图即可排布 10,000 张测试图像。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing this map</source>
        <translation>停止计算这张图</translation>
    </message>
    <message>
        <source>Hover a dot to see the image; click it to draw on it.</source>
        <translation>鼠标停在点上可查看图像；点击即可在它上面绘图。</translation>
    </message>
    <message>
        <source>Your drawing looks most like these:</source>
        <translation>你的画最像这些：</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>the network in training, epoch {0}</source>
        <translation>训练中的神经网络，第 {0} 轮</translation>
    </message>
    <message>
        <source>Placing the test images…</source>
        <translation>正在排布测试图像…</translation>
    </message>
    <message>
        <source>Running the network on the test images…</source>
        <translation>正在用神经网络处理测试图像…</translation>
    </message>
    <message>
        <source>t-SNE: arranging the test images…</source>
        <translation>t-SNE：正在排布测试图像…</translation>
    </message>
    <message>
        <source>test index</source>
        <translation>测试索引</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>分错的</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Your drawing on the map (oldest first, the marker last)</source>
        <translation>你的绘图在地图上的位置（最早的在前，标记在最后）</translation>
    </message>
    <message>
        <source> (from the cache)</source>
        <translation>（来自缓存）</translation>
    </message>
    <message>
        <source> Network: {0}.</source>
        <translation> 神经网络：{0}。</translation>
    </message>
    <message>
        <source> {0:.0%} of each image&apos;s 10 nearest dots share its class;</source>
        <translation> 每张图像最近的 10 个点中有 {0:.0%} 与它同类；</translation>
    </message>
    <message numerus="yes">
        <source>{0} of the {1:,} test images, {2}{3}:{4} %n misclassified (ringed).{5}</source>
        <translation>
            <numerusform>{0}：{1:,} 张测试图像，{2}{3}：{4}%n 张分错（带圈）。{5}</numerusform>
        </translation>
    </message>
    <message>
        <source>The map could not be made: {0}</source>
        <translation>无法生成这张图：{0}</translation>
    </message>
    <message>
        <source>Cancelled. Pick a stage or method to try again.</source>
        <translation>已取消。选择一个阶段或方法即可重试。</translation>
    </message>
    <message>
        <source>{0} of the test images, {1}</source>
        <translation>{0}：测试图像，{1}</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Test image #{0}
True: {1}
Predicted: {2} ({3})</source>
        <translation>测试图像 #{0}
真实类别：{1}
预测：{2}（{3}）</translation>
    </message>
    <message>
        <source>Click to put it on the canvas</source>
        <translation>点击把它放到画布上</translation>
    </message>
    <message>
        <source>test image #{0} ({1})</source>
        <translation>测试图像 #{0}（{1}）</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>&amp;Map of the test set</source>
        <translation>测试集分布图(&amp;M)</translation>
    </message>
    <message>
        <source>The 10,000 test images placed by a layer&apos;s activations, and your drawing among them</source>
        <translation>按某一层的激活值排布 10,000 张测试图像，并标出你的画作所在的位置</translation>
    </message>
    <message>
        <source>untrained (random weights)</source>
        <translation>未训练（随机权重）</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
</context>
<context>
    <name>ModelExport</name>
    <message>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>PyTorch program, torch.export (*.pt2)</source>
        <translation>PyTorch 程序，torch.export (*.pt2)</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pth *.pt)</source>
        <translation>PyTorch state_dict (*.pth *.pt)</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Preview (param[:2])</source>
        <translation>预览 (param[:2])</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>正在加载神经网络…</translation>
    </message>
    <message>
        <source>Double-click to see all its values in the Weights view</source>
        <translation>双击可在“权重”视图中查看它的全部值</translation>
    </message>
    <message>
        <source>Total: {0} parameters ({1})</source>
        <translation>共 {0} 个模型参数（{1}）</translation>
    </message>
</context>
<context>
    <name>PictureFiles</name>
    <message>
        <source>Could not open the picture</source>
        <translation>无法打开图片</translation>
    </message>
    <message>
        <source>{0} is blank: there is nothing to classify.</source>
        <translation>{0} 是空白的：没有可分类的内容。</translation>
    </message>
    <message>
        <source>Could not use the picture</source>
        <translation>无法使用这张图片</translation>
    </message>
    <message>
        <source>Opened {0}{1}</source>
        <translation>已打开 {0}{1}</translation>
    </message>
    <message>
        <source>Your last drawing is one Undo away.</source>
        <translation>撤销一步即可找回上次的绘画。</translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation>图片是空的。</translation>
    </message>
    <message>
        <source>told from its background by colour: it is about as bright</source>
        <translation>按颜色与背景区分：两者亮度相近</translation>
    </message>
    <message>
        <source>inverted to light on dark</source>
        <translation>已反相为深色背景上的浅色</translation>
    </message>
    <message>
        <source>closed outline filled</source>
        <translation>已填充封闭轮廓</translation>
    </message>
    <message>
        <source>mirrored: the data set&apos;s shoes face left</source>
        <translation>已镜像：数据集中的鞋子朝左</translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>Pictures ({0});;All files (*)</source>
        <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation>剪贴板里没有图片。</translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation>拖入的图片</translation>
    </message>
    <message>
        <source>Save the drawing</source>
        <translation>保存画作</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation>无法保存画作</translation>
    </message>
    <message>
        <source>The PNG could not be encoded.</source>
        <translation>无法编码 PNG。</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>无法写入 {0}：{1}。</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>Weights ({0});;All files (*)</source>
        <translation>权重 ({0});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProbabilitiesPanel</name>
    <message>
        <source>This does not look like a garment the network knows. The bars show its guess among the ten garments anyway.</source>
        <translation>这看起来不像神经网络认识的服饰。条形图仍然显示它在十类服饰中的猜测。</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>正在加载神经网络…</translation>
    </message>
    <message>
        <source>Click a class to see which pixels pushed it up or down</source>
        <translation>点击一个类别，看看哪些像素推高或压低了它</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Nothing to classify yet</source>
        <translation>还没有可分类的内容</translation>
    </message>
    <message>
        <source>Draw a garment, or open or paste a picture.</source>
        <translation>画一件服饰，或打开、粘贴一张图片。</translation>
    </message>
    <message>
        <source>Could not classify</source>
        <translation>无法分类</translation>
    </message>
    <message>
        <source>{0:.1%} confident</source>
        <translation>预测概率 {0:.1%}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>ETA {time}</source>
        <translation>剩余 {time}</translation>
    </message>
</context>
<context>
    <name>RecipeForm</name>
    <message>
        <source>The tutorial&apos;s: SGD, lr 0.001, batch 64</source>
        <translation>教程的：SGD，学习率 0.001，小批量 64</translation>
    </message>
    <message>
        <source>The shipped model&apos;s: AdamW, one-cycle, EMA</source>
        <translation>随附模型的：AdamW、one-cycle、EMA</translation>
    </message>
    <message>
        <source>The tutorial&apos;s optimization loop exactly (plain SGD, no momentum), or the recipe that made the shipped weights (sketches and silhouettes of the images, dropout, an average of the weights; slower to start; without the teacher the shipped weights were distilled from).</source>
        <translation>完全照搬教程的优化循环（普通 SGD，无动量），或采用得到随附权重的配方（图像的草图与剪影、dropout、权重平均；启动较慢；不使用随附权重蒸馏时所用的教师网络）。</translation>
    </message>
    <message>
        <source>CPU threads for training. One core is left for drawing and the live predictions.</source>
        <translation>训练用的 CPU 线程数。会留一个核心给绘图和实时预测。</translation>
    </message>
    <message>
        <source>A fresh random network (as the tutorial)</source>
        <translation>全新的随机神经网络（同教程）</translation>
    </message>
    <message>
        <source>The weights in use now</source>
        <translation>当前使用的权重</translation>
    </message>
    <message>
        <source>Start from NeuralNetwork() as the tutorial creates it (seeded), or go on training the weights the bars use now</source>
        <translation>从教程创建的 NeuralNetwork()（固定随机种子）开始，或在条形图当前使用的权重上继续训练</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数(epoch)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>训练设备</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>The weights in use now ({0})</source>
        <translation>当前使用的权重（{0}）</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Your settings cannot be read or saved ({0}); defaults are used.</source>
        <translation>无法读取或保存你的设置（{0}）；将使用默认值。</translation>
    </message>
    <message>
        <source> The damaged copy was kept as {0}.</source>
        <translation> 损坏的副本已保留为 {0}。</translation>
    </message>
    <message>
        <source>Your settings file was damaged and has been reset to the defaults.</source>
        <translation>你的设置文件已损坏，已恢复为默认值。</translation>
    </message>
    <message>
        <source>The drawing could not be autosaved to {0}: {1}</source>
        <translation>无法把画作自动保存到 {0}：{1}</translation>
    </message>
    <message>
        <source>The autosaved drawing could not be read; it was set aside as {0}.</source>
        <translation>无法读取自动保存的画作；它已另存为 {0}。</translation>
    </message>
    <message>
        <source>Restore drawing</source>
        <translation>恢复画作</translation>
    </message>
    <message>
        <source>Your last drawing was restored.</source>
        <translation>已恢复你上次的画作。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>model loaded on {device}, {count:,} parameters</source>
        <translation>模型已加载到 {device}，共 {count:,} 个模型参数</translation>
    </message>
    <message>
        <source>predicted {label} ({confidence:.1%}), expected {expected}</source>
        <translation>预测为{label}（{confidence:.1%}），应为{expected}</translation>
    </message>
    <message>
        <source>{count} samples; loading the model</source>
        <translation>{count} 个样例；正在加载模型</translation>
    </message>
</context>
<context>
    <name>SessionControls</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after this batch, keeping the best weights so far</source>
        <translation>在这个小批量之后停止，保留目前最好的权重</translation>
    </message>
    <message>
        <source>Choose a recipe and press Start. Drawing keeps working meanwhile.</source>
        <translation>选择一个配方，然后按“开始”。训练期间仍然可以绘图。</translation>
    </message>
    <message>
        <source>Show the predictions of the network being trained</source>
        <translation>显示正在训练的神经网络的预测</translation>
    </message>
    <message>
        <source>The bars answer with the weights being trained, updated twice a second, instead of the live model</source>
        <translation>条形图改用正在训练的权重作答（每秒更新两次），而不是当前的实时模型</translation>
    </message>
    <message>
        <source>Make it the live model</source>
        <translation>设为实时模型</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the trained weights as a tutorial-style state_dict with its model card</source>
        <translation>把训练好的权重连同模型卡片保存为教程风格的 state_dict</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Reading Fashion-MNIST and scoring the starting network…</source>
        <translation>正在读取 Fashion-MNIST 并评估起始的神经网络…</translation>
    </message>
    <message>
        <source>Preparing what the recipe trains on besides the images (silhouettes, sketches, garment drawings; up to a few minutes on one core)…</source>
        <translation>正在准备配方在图像之外还要训练的内容（剪影、草图、服装简笔画；单核最多需几分钟）…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Scoring the result on the test images…</source>
        <translation>正在用测试图像评估结果…</translation>
    </message>
    <message>
        <source>Preparing garment drawings to train on: {0} of {1}</source>
        <translation>正在准备用于训练的服装简笔画：{0} / {1}</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · {2}% · about {3} left</source>
        <translation>第 {0} 轮，共 {1} 轮 · {2}% · 约剩 {3}</translation>
    </message>
    <message>
        <source>Epoch {0}: test accuracy {1:.3f}, loss {2:.3f}; {3:.1f} s on {4}{5}</source>
        <translation>第 {0} 轮：测试准确率 {1:.3f}，损失 {2:.3f}；在 {4} 上用时 {3:.1f} 秒{5}</translation>
    </message>
    <message>
        <source> (best so far)</source>
        <translation>（目前最好）</translation>
    </message>
    <message>
        <source>Stopped before the first epoch finished: there is nothing to keep.</source>
        <translation>在第一轮完成前就停止了：没有可保留的结果。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{0}: test accuracy {1:.4f} (best epoch {2}). Make it the live model, or save it.</source>
        <translation>{0}：测试准确率 {1:.4f}（最佳为第 {2} 轮）。可以把它设为实时模型，或者保存它。</translation>
    </message>
</context>
<context>
    <name>TestSetPanel</name>
    <message>
        <source>T-shirt</source>
        <translation>T恤</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>Tee</source>
        <translation>T恤</translation>
    </message>
    <message>
        <source>Trou</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Sand</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Snkr</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Test image #{0}: {1}</source>
        <translation>测试图像 #{0}：{1}</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Test image #{0}
True: {1}
Predicted: {2} ({3:.1%}), {4}
Click to put it on the canvas</source>
        <translation>测试图像 #{0}
真实类别：{1}
预测：{2}（{3:.1%}），{4}
点击把它放到画布上</translation>
    </message>
    <message>
        <source>Show this panel to predict the 10,000 test images.</source>
        <translation>显示此面板即可预测 10,000 张测试图像。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop predicting the test set</source>
        <translation>停止预测测试集</translation>
    </message>
    <message>
        <source>Predict again</source>
        <translation>重新预测</translation>
    </message>
    <message>
        <source>Run the current network on all 10,000 test images</source>
        <translation>用当前的神经网络预测全部 10,000 张测试图像</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Show the test images of one true class</source>
        <translation>显示某一真实类别的测试图像</translation>
    </message>
    <message>
        <source>Only misclassified</source>
        <translation>只看分错的</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class. Click a cell to see its images.</source>
        <translation>行：真实类别；列：预测类别。点击单元格查看其中的图像。</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>The network changed: predicting the test set again…</source>
        <translation>神经网络变了：正在重新预测测试集…</translation>
    </message>
    <message>
        <source>Waiting for the network to load…</source>
        <translation>正在等待神经网络加载…</translation>
    </message>
    <message>
        <source>Reading the test set…</source>
        <translation>正在读取测试集…</translation>
    </message>
    <message>
        <source>Predicting the 10,000 test images…</source>
        <translation>正在预测 10,000 张测试图像…</translation>
    </message>
    <message>
        <source>Predicting the {0:,} test images…</source>
        <translation>正在预测 {0:,} 张测试图像…</translation>
    </message>
    <message>
        <source>{0:,} test images from {1}</source>
        <translation>{0:,} 张测试图像，来自 {1}</translation>
    </message>
    <message>
        <source>Accuracy {0:.2%} ({1:,} of {2:,} right)</source>
        <translation>准确率 {0:.2%}（{2:,} 张中对了 {1:,} 张）</translation>
    </message>
    <message>
        <source>Could not predict the test set: {0}</source>
        <translation>无法预测测试集：{0}</translation>
    </message>
    <message>
        <source>Cancelled. Press “Predict again” to run the network on the test set.</source>
        <translation>已取消。按“重新预测”即可在测试集上运行神经网络。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fashion-MNIST is not on this computer&lt;/b&gt;, so there is no test set to browse.&lt;br&gt;{0}&lt;br&gt;See “The data” in the README for every place the app looks.</source>
        <translation>&lt;b&gt;这台计算机上没有 Fashion-MNIST&lt;/b&gt;，所以没有可浏览的测试集。&lt;br&gt;{0}&lt;br&gt;程序会查找的所有位置，见 README 中的“数据”一节。</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>再找一次</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>true \ predicted</source>
        <translation>真实 \ 预测</translation>
    </message>
    <message>
        <source>Test images shown</source>
        <translation>显示的测试图像</translation>
    </message>
    <message>
        <source>test index</source>
        <translation>测试索引</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} images</source>
        <translation>真实为{0}、预测为{1}：{2} 张</translation>
    </message>
    <message>
        <source>{0:,} images</source>
        <translation>{0:,} 张图像</translation>
    </message>
    <message>
        <source>Misclassified images appear once the predictions are in</source>
        <translation>预测完成后，这里会显示分错的图像</translation>
    </message>
    <message>
        <source>test image #{0} ({1})</source>
        <translation>测试图像 #{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The shipped model could not be scored: {reason}</source>
        <translation>无法为随附模型评分：{reason}</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮(epoch)</translation>
    </message>
    <message>
        <source>training, per batch</source>
        <translation>训练，每个小批量</translation>
    </message>
    <message>
        <source>test, per epoch</source>
        <translation>测试，每轮</translation>
    </message>
    <message>
        <source>this network</source>
        <translation>这个神经网络</translation>
    </message>
    <message>
        <source>shipped model {0:.3f}</source>
        <translation>随附模型 {0:.3f}</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机猜测</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Compared with the shipped model</source>
        <translation>与随附模型比较</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pausing after this batch…</source>
        <translation>将在这个小批量之后暂停…</translation>
    </message>
    <message>
        <source>Stopping; keeping the best weights so far…</source>
        <translation>正在停止；保留目前最好的权重…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>in training: epoch {0}, batch {1}/{2}</source>
        <translation>训练中：第 {0} 轮，小批量 {1}/{2}</translation>
    </message>
    <message>
        <source>Paused. Drawing still works; Resume goes on from here.</source>
        <translation>已暂停。仍然可以绘图；按“继续”从这里接着训练。</translation>
    </message>
    <message>
        <source>trained, best epoch {0} (not live yet)</source>
        <translation>已训练，最佳为第 {0} 轮（尚未启用）</translation>
    </message>
    <message>
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}.</source>
        <translation>无法保存 {0}：{1}。</translation>
    </message>
    <message>
        <source>Saved {0} and its model card.</source>
        <translation>已保存 {0} 及其模型卡片。</translation>
    </message>
    <message>
        <source>Save the trained weights</source>
        <translation>保存训练好的权重</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pth)</source>
        <translation>PyTorch state_dict (*.pth)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Train the network…</source>
        <translation>训练神经网络…(&amp;T)</translation>
    </message>
    <message>
        <source>Train the tutorial&apos;s network on Fashion-MNIST and watch it learn</source>
        <translation>在 Fashion-MNIST 上训练教程的神经网络，看着它学习</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>Weights</name>
    <message>
        <source>{key} converted from {dtype} to float32</source>
        <translation>{key} 已从 {dtype} 转换为 float32</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Loading the network…</source>
        <translation>正在加载神经网络…</translation>
    </message>
    <message>
        <source>Scroll over an image to zoom in, drag to move</source>
        <translation>在图像上滚动滚轮可放大，拖动可移动</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>output unit</source>
        <translation>输出单元</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>{0} histogram</source>
        <translation>{0} 直方图</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>{0} is not a parameter of this network.</source>
        <translation>{0} 不是这个神经网络的参数。</translation>
    </message>
    <message>
        <source>each of the {0} rows is one hidden unit&apos;s 784 weights, drawn as its 28 × 28 template (red: a light pixel there raises the unit, blue: lowers it)</source>
        <translation>{0} 行中的每一行都是一个隐藏单元的 784 个权重，画成 28 × 28 的模板（红：该处的亮像素会提高这个单元，蓝：会降低它）</translation>
    </message>
    <message>
        <source>rows: the {0} output units, columns: the {1} inputs</source>
        <translation>行：{0} 个输出单元，列：{1} 个输入</translation>
    </message>
    <message>
        <source>one bias per output unit</source>
        <translation>每个输出单元一个偏置</translation>
    </message>
    <message>
        <source>min {0:+.4f}   max {1:+.4f}   mean {2:+.4f}   std {3:.4f}   ({4:,} values)</source>
        <translation>最小 {0:+.4f}   最大 {1:+.4f}   平均 {2:+.4f}   标准差 {3:.4f}   （{4:,} 个值）</translation>
    </message>
    <message>
        <source>unit {0}: bias {1:+.4f}</source>
        <translation>单元 {0}：偏置 {1:+.4f}</translation>
    </message>
    <message>
        <source>hidden unit {0}, pixel row {1}, column {2}: weight {3:+.4f}</source>
        <translation>隐藏单元 {0}，像素 第 {1} 行，第 {2} 列：权重 {3:+.4f}</translation>
    </message>
    <message>
        <source>output unit {0} ← input {1}: weight {2:+.4f}</source>
        <translation>输出单元 {0} ← 输入 {1}：权重 {2:+.4f}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Open picture…</source>
        <translation>打开图片…(&amp;O)</translation>
    </message>
    <message>
        <source>Open a picture of a garment</source>
        <translation>打开一张服饰图片</translation>
    </message>
    <message>
        <source>&amp;Save drawing…</source>
        <translation>保存画作…(&amp;S)</translation>
    </message>
    <message>
        <source>Save the canvas as a PNG file</source>
        <translation>把画布保存为 PNG 文件</translation>
    </message>
    <message>
        <source>&amp;Paste picture</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>Classify the picture on the clipboard</source>
        <translation>对剪贴板中的图片分类</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <source>Erase the whole canvas</source>
        <translation>擦除整个画布</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>画笔(&amp;B)</translation>
    </message>
    <message>
        <source>Draw light strokes</source>
        <translation>画浅色笔画</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>Erase back to black</source>
        <translation>擦回黑色</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>填充(&amp;F)</translation>
    </message>
    <message>
        <source>Click inside a closed outline to fill it</source>
        <translation>在封闭轮廓内点击以填充</translation>
    </message>
    <message>
        <source>Bigger brush</source>
        <translation>加大画笔</translation>
    </message>
    <message>
        <source>Smaller brush</source>
        <translation>缩小画笔</translation>
    </message>
    <message>
        <source>Open &amp;weights…</source>
        <translation>打开权重…(&amp;W)</translation>
    </message>
    <message>
        <source>Load a state_dict saved by the tutorial (.pth, .pt) or a .safetensors file</source>
        <translation>加载教程保存的 state_dict（.pth、.pt）或 .safetensors 文件</translation>
    </message>
    <message>
        <source>Use the &amp;shipped weights</source>
        <translation>使用随附的权重(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>关于 {0}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>样例(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>A real Fashion-MNIST test image (#{0})</source>
        <translation>一张真实的 Fashion-MNIST 测试图像（#{0}）</translation>
    </message>
    <message>
        <source>No samples are installed</source>
        <translation>没有安装样例</translation>
    </message>
    <message>
        <source>Drawing tools</source>
        <translation>绘图工具</translation>
    </message>
    <message>
        <source> Brush size </source>
        <translation> 画笔大小 </translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Brush size in canvas pixels (the canvas is {0} × {0}); [ and ] change it</source>
        <translation>画笔大小，以画布像素计（画布为 {0} × {0}）；按 [ 和 ] 调整</translation>
    </message>
    <message>
        <source>Checking which devices this computer has…</source>
        <translation>正在检查这台计算机有哪些设备…</translation>
    </message>
    <message>
        <source>C&amp;UDA — {0}</source>
        <translation>CUDA — {0}(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;UDA (not available)</source>
        <translation>CUDA（不可用）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;MPS — {0}</source>
        <translation>MPS — {0}(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;MPS (not available)</source>
        <translation>MPS（不可用）(&amp;M)</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选 %(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个参数</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个参数</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须提供参数 %s 中的一个</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可以匹配 %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>忽略了显式参数 %r</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开 &apos;%(filename)s&apos;：%(error)s</translation>
    </message>
</context>
</TS>
