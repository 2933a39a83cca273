package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.format.Message;
import org.initlab.io.OutputPaths;
import org.initlab.report.RunJson;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.SettingsFile;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.TrainingConfig;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's messages in the Chinese window: a refused settings file, a hostile run file, a run opened while the
 * window is busy and a folder chosen as a file are shown in Chinese; every key the core makes has its Chinese
 * words with the same placeholders, and the English the command line prints is unchanged.
 */
class CoreMessagesTest {
    private static final Pattern MADE =
            Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aSettingsFileWithABadValueAndAnUnknownKeyIsRefusedInChinese() {
        String json = "{\"schema\": \"initlab-settings\", \"version\": 1, \"colour\": 1,"
                + " \"settings\": {\"epochs\": \"0\"}, \"schemes\": [\"standard\"]}";
        SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> SettingsFile.read(json));
        assertEquals(
                "unknown key \"colour\" (a settings file holds schema, version, settings, schemes);"
                        + " \"epochs\": 0 is outside the allowed range 1 to 10000",
                e.getMessage(),
                "the command line's English");
        I18n.setLocale(I18n.CHINESE);
        assertEquals(
                "未做任何更改。未知的键 \"colour\"（设置文件包含 schema, version, settings, schemes）；"
                        + "\"epochs\"：0 超出范围；请输入从 1 到 10,000 的整数",
                FileActions.refusal(e));
    }

    @Test
    void anUnknownChoiceAndAnUnknownSchemeInASettingsFileAreRefusedInChinese() {
        String json = "{\"schema\": \"initlab-settings\", \"version\": 1,"
                + " \"settings\": {\"activation\": \"bogus\"}, \"schemes\": [\"nope\"]}";
        SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> SettingsFile.read(json));
        assertTrue(
                e.getMessage()
                        .startsWith("\"activation\": activation 'bogus' is not one of sigmoid, tanh, relu;"
                                + " \"schemes\": unknown scheme 'nope'; known: standard, lecun, "),
                "the command line's English: " + e.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals(
                "未做任何更改。\"activation\"：“bogus”不是以下之一：sigmoid, tanh, relu；\"schemes\"：没有名为“nope”的方案",
                FileActions.refusal(e));
    }

    @Test
    void aHostileRunFileIsRefusedInChinese() {
        SettingsFormatException notObject = assertThrows(SettingsFormatException.class, () -> RunJson.read("[1, 2]"));
        SettingsFormatException newer = assertThrows(
                SettingsFormatException.class, () -> RunJson.read("{\"schema\": \"initlab-run\", \"version\": 99}"));
        assertEquals("written by a newer InitLab: version 99; this one reads up to 2", newer.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals("应为一个 JSON 对象", I18n.explain(notObject));
        assertEquals("由更新的 InitLab 写入：版本 99；本程序最多读取版本 2", I18n.explain(newer));
        // Not JSON at all: the parser's own detail stays as it is, the sentence around it is Chinese.
        String broken = I18n.explain(assertThrows(SettingsFormatException.class, () -> RunJson.read("{\"a\": ")));
        assertTrue(broken.startsWith("不是有效的 JSON（"), broken);
    }

    @Test
    void aValueOutsideItsLimitIsWordedAsItsFieldInChinese() {
        var direct = assertThrows(
                IllegalArgumentException.class, () -> TrainingConfig.reference().withEpochs(0));
        var parsed = assertThrows(
                IllegalArgumentException.class,
                () -> ExperimentSettings.parse(Map.of("epochs", "0", "eta", "-3"), List.of("lecun"))
                        .orThrow());
        String json = referenceRunJson().replaceFirst("\"epochs\" ?: ?30\\b", "\"epochs\": 0");
        var run = assertThrows(SettingsFormatException.class, () -> RunJson.read(json));
        assertEquals(
                "epochs: 0 is outside the allowed range 1 to 10000", direct.getMessage(), "the command line's English");
        assertEquals(direct.getMessage(), run.getMessage());
        assertEquals(
                "learning rate η: -3 is outside the allowed range (above 0, at most 1000000);"
                        + " epochs: 0 is outside the allowed range 1 to 10000",
                parsed.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals("轮数：0 超出范围；请输入从 1 到 10,000 的整数", I18n.explain(direct));
        assertEquals(I18n.explain(direct), I18n.explain(run));
        assertEquals("学习率 η：-3 超出范围；请输入大于 0 且不超过 1,000,000 的数；轮数：0 超出范围；请输入从 1 到 10,000 的整数", I18n.explain(parsed));
    }

    @Test
    void aSettingsFileTooLargeAndARunFileARecordRefusesAreExplainedInChinese(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, " ".repeat((int) org.initlab.settings.SettingsJson.MAX_BYTES + 1));
        var tooLarge = assertThrows(SettingsFormatException.class, () -> SettingsFile.load(big));
        String json = referenceRunJson().replaceFirst("\"sigmoid\"", "\"bogus\"");
        var record = assertThrows(SettingsFormatException.class, () -> RunJson.read(json));
        assertEquals(
                "big.json: larger than " + org.initlab.settings.SettingsJson.MAX_BYTES + " bytes, not a settings file",
                tooLarge.getMessage(),
                "the command line's English");
        assertEquals("activation 'bogus' is not one of sigmoid, tanh, relu", record.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals(
                "big.json：大于 " + org.initlab.settings.SettingsJson.MAX_BYTES + " 字节，不是设置文件", I18n.explain(tooLarge));
        assertEquals("\"activation\"：“bogus”不是以下之一：sigmoid, tanh, relu", I18n.explain(record));
        // A refusal of the network's record: its own words, in Chinese.
        var other =
                assertThrows(SettingsFormatException.class, () -> RunJson.read(withSizes(referenceRunJson(), "0, 30")));
        assertEquals("every layer needs at least 1 neuron, got 0", other.getMessage());
        assertEquals("每一层至少需要 1 个神经元，实际为 0", I18n.explain(other));
    }

    @Test
    void theNetworkAndSchemeRecordsRefusalsInARunFileAreInChinese() {
        String json = referenceRunJson();
        var huge = assertThrows(SettingsFormatException.class, () -> RunJson.read(withSizes(json, "784, 100000")));
        var softmax = assertThrows(
                SettingsFormatException.class,
                () -> RunJson.read(json.replaceFirst("\"output\" ?: ?\"sigmoid\"", "\"output\": \"softmax\"")));
        var scheme = assertThrows(SettingsFormatException.class, () -> RunJson.read(withRunOf(json, "nope")));
        var custom = assertThrows(SettingsFormatException.class, () -> RunJson.read(withRunOf(json, "custom:x")));
        var deep = assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(
                        java.util.stream.IntStream.generate(() -> 1)
                                .limit(NetworkSpec.MAX_HIDDEN_LAYERS + 3)
                                .toArray(),
                        org.initlab.core.Activation.TANH,
                        org.initlab.core.OutputLayer.SIGMOID,
                        org.initlab.core.Loss.QUADRATIC));
        var one = assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(
                        new int[] {4},
                        org.initlab.core.Activation.TANH,
                        org.initlab.core.OutputLayer.SIGMOID,
                        org.initlab.core.Loss.QUADRATIC));
        assertEquals(
                "network 784-100000-10 has 79,500,010 parameters (about 954 MB of memory per run);"
                        + " the limit is 50,000,000 parameters",
                huge.getMessage(),
                "the command line's English");
        assertEquals("a softmax output needs the cross-entropy (log-likelihood) loss", softmax.getMessage());
        assertTrue(scheme.getMessage().startsWith("unknown scheme 'nope'; known: standard, "), scheme.getMessage());
        assertEquals("'custom:x': custom σ 'x' is not a number", custom.getMessage());
        assertEquals("hidden layers: at most 1000 hidden layers", deep.getMessage());
        assertEquals("a network needs at least an input and an output layer", one.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals("网络 784-100000-10 有 79,500,010 个参数（每次运行约 954 MB 内存）；上限是 50,000,000 个参数", I18n.explain(huge));
        assertEquals("softmax 输出层需要交叉熵（对数似然）损失", I18n.explain(softmax));
        assertTrue(I18n.explain(scheme).startsWith("没有名为“nope”的方案；已知：standard, "), I18n.explain(scheme));
        assertEquals("“custom:x”：自定义 σ“x”不是数", I18n.explain(custom));
        assertEquals("隐藏层：最多 1000 层", I18n.explain(deep));
        assertEquals("网络至少需要一个输入层和一个输出层", I18n.explain(one));
    }

    @Test
    void aLessonFileTheReaderRefusesIsExplainedInChinese(@TempDir Path dir) throws IOException {
        var reader = new org.initlab.lessons.LessonReader(
                new org.initlab.lessons.LessonReader.Vocabulary(Set.of("training", "z"), Set.of("runButton")));
        String head = "{\"schema\":\"initlab-lesson\",\"version\":1,\"id\":\"demo\",\"minutes\":3,"
                + "\"title\":{\"en\":\"Demo\",\"zh\":\"演示\"},\"steps\":[";
        String text = "\"text\":{\"en\":\"a\",\"zh\":\"甲\"}";
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, head.replace("initlab-lesson", "initlab-settings") + "{" + text + "}]}");
        Path target = dir.resolve("target.json");
        Files.writeString(target, head + "{" + text + ",\"point\":{\"target\":\"nowhere\"}}]}");
        Path choice = dir.resolve("choice.json");
        Files.writeString(
                choice,
                head + "{" + text + "},{" + text + ",\"ask\":{\"question\":{\"en\":\"q\",\"zh\":\"问\"},"
                        + "\"choices\":[{" + text + ",\"colour\":1},{" + text + "}]}}]}");
        Path range = dir.resolve("range.json");
        Files.writeString(range, head + "{" + text + ",\"set\":{\"settings\":{\"epochs\":\"0\"}}}]}");
        Path big = dir.resolve("big.json");
        Files.writeString(big, " ".repeat((int) org.initlab.lessons.LessonReader.MAX_BYTES + 1));
        var wrongSchema = assertThrows(org.initlab.lessons.LessonFormatException.class, () -> reader.read(schema));
        var unknownTarget = assertThrows(org.initlab.lessons.LessonFormatException.class, () -> reader.read(target));
        var unknownKey = assertThrows(org.initlab.lessons.LessonFormatException.class, () -> reader.read(choice));
        var outOfRange = assertThrows(org.initlab.lessons.LessonFormatException.class, () -> reader.read(range));
        var tooLarge = assertThrows(org.initlab.lessons.LessonFormatException.class, () -> reader.read(big));
        assertEquals(
                "range.json: step 1: \"set\": \"settings\": \"epochs\": 0 is outside the allowed range 1 to 10000",
                outOfRange.getMessage());
        assertEquals("schema.json: \"schema\" must be \"initlab-lesson\"", wrongSchema.getMessage(), "the English");
        assertEquals(
                "target.json: step 1: \"point\": \"target\" must be one of runButton, got \"nowhere\"",
                unknownTarget.getMessage());
        assertEquals(
                "choice.json: step 2: \"ask\": choice 1: unknown key \"colour\" (expected text, right)",
                unknownKey.getMessage());
        assertEquals(
                "big.json: larger than " + org.initlab.lessons.LessonReader.MAX_BYTES + " bytes, not a lesson",
                tooLarge.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals("schema.json：\"schema\" 必须是 \"initlab-lesson\"", I18n.explain(wrongSchema));
        assertEquals(
                "range.json：第 1 步：\"set\"：\"settings\"：\"epochs\"：0 超出范围；请输入从 1 到 10,000 的整数",
                I18n.explain(outOfRange));
        assertEquals(
                "target.json：第 1 步：\"point\"：\"target\" 必须是以下之一：runButton；实际为 \"nowhere\"",
                I18n.explain(unknownTarget));
        assertEquals("choice.json：第 2 步：\"ask\"：选项 1：未知的键 \"colour\"（应为 text, right）", I18n.explain(unknownKey));
        assertEquals(
                "big.json：大于 " + org.initlab.lessons.LessonReader.MAX_BYTES + " 字节，不是课程文件", I18n.explain(tooLarge));
        assertEquals(
                "课程未打开，什么都没有改变。\n" + I18n.explain(unknownTarget),
                I18n.f("alert.lessonRefused", I18n.explain(unknownTarget)),
                "the alert File › Open lesson… shows");
    }

    @Test
    void openingARunWhileBusyIsRefusedInChinese() {
        I18n.setLocale(I18n.CHINESE);
        LabViewModel lab = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        lab.sweepingProperty().set(true);
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> lab.openSavedRun(null));
        String shown = FileActions.refusal(busy);
        assertTrue(shown.startsWith("未做任何更改。现在不行"), shown);
        assertFalse(shown.matches(".*[a-zA-Z]{3,}.*"), "no English word: " + shown);
    }

    @Test
    void aFolderChosenToSaveIntoIsRefusedInChinese(@TempDir Path dir) {
        Message m = OutputPaths.wording(dir).orElseThrow();
        assertEquals(dir + " is a folder, not a file", m.english());
        I18n.setLocale(I18n.CHINESE);
        assertEquals(dir + " 是文件夹，不是文件", I18n.text(m));
    }

    @Test
    void aCutDataFileIsNamedInChinese(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("train-images-idx3-ubyte");
        Files.write(cut, new byte[] {0, 0, 8});
        var e = assertThrows(org.initlab.data.IdxFormatException.class, () -> org.initlab.data.IdxReader.read(cut));
        assertEquals("train-images-idx3-ubyte: file is truncated: 3 bytes, no IDX header", e.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals("train-images-idx3-ubyte：文件被截断：3 字节，没有 IDX 头部", I18n.explain(e));
    }

    @Test
    void aDatasetFolderThatCannotBeUsedIsNamedInChinese(@TempDir Path dir) throws IOException {
        var missing = assertThrows(IOException.class, () -> org.initlab.data.DatasetLoader.load(dir));
        var notFolder =
                assertThrows(IOException.class, () -> org.initlab.data.DatasetLoader.load(dir.resolve("absent")));
        Files.writeString(dir.resolve("SHA256SUMS"), "not a checksum line\n");
        var manifest = assertThrows(IOException.class, () -> org.initlab.data.DatasetLoader.load(dir));
        assertEquals(
                dir + ": train-images-idx3-ubyte (or train-images-idx3-ubyte.gz) is missing",
                missing.getMessage(),
                "the command line's English");
        assertEquals(dir.resolve("SHA256SUMS") + ": malformed line 'not a checksum line'", manifest.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals(dir + "：缺少 train-images-idx3-ubyte（或 train-images-idx3-ubyte.gz）", I18n.explain(missing));
        assertEquals(dir.resolve("absent") + "：不是文件夹（应包含四个 MNIST IDX 文件）", I18n.explain(notFolder));
        assertEquals(dir.resolve("SHA256SUMS") + "：格式错误的行 'not a checksum line'", I18n.explain(manifest));
    }

    @Test
    void aSweepPlanIsRefusedInChineseAndTheCommandLinesEnglishStays() {
        var twice = assertThrows(
                IllegalArgumentException.class,
                () -> org.initlab.sweep.SweepPlan.parse(Map.of("values", "1,2,1"), Map.of(), List.of("lecun")));
        String thousandValues = String.join(
                ",",
                java.util.stream.IntStream.rangeClosed(1, 1000)
                        .mapToObj(Integer::toString)
                        .toList());
        String seeds = String.join(
                ",",
                java.util.stream.IntStream.rangeClosed(1, 51)
                        .mapToObj(Integer::toString)
                        .toList());
        var tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> org.initlab.sweep.SweepPlan.parse(
                        Map.of("values", thousandValues), Map.of("seeds", seeds), List.of("standard", "lecun")));
        assertEquals(
                "the sweep has 102,000 runs (1,000 cells × 2 schemes × 51 seeds); at most 100,000 are allowed",
                tooMany.getMessage());
        assertEquals("--values: '1' is listed twice", twice.getMessage(), "the command line's English");
        var unknown = assertThrows(
                IllegalArgumentException.class,
                () -> org.initlab.sweep.SweepPlan.parse(Map.of("param", "nope"), Map.of(), List.of("lecun")));
        assertEquals(
                "--param: unknown parameter 'nope'; sweepable: weight-scale, depth, hidden-width, eta, batch,"
                        + " sigma-w2, sigma-b2",
                unknown.getMessage());
        I18n.setLocale(I18n.CHINESE);
        assertEquals(
                "参数：“nope”不是以下之一：weight-scale, depth, hidden-width, eta, batch, sigma-w2, sigma-b2",
                I18n.explain(unknown));
        assertEquals("取值：'1' 列出了两次", I18n.explain(twice));
        assertEquals("此扫描共 102,000 次运行（1,000 个格点 × 2 个方案 × 51 个种子）；最多允许 100,000 次", I18n.explain(tooMany));
    }

    @Test
    void aDatasetNotInstalledSaysHowToInstallItInChinese(@TempDir Path dir) {
        var fashion = org.initlab.data.DatasetChoice.builtIn().get(1);
        var absent = new org.initlab.data.DatasetChoice(fashion.name(), dir.resolve("none"), fashion.install());
        assertEquals(
                "install it with: sudo apt install dataset-fashion-mnist (Debian / Ubuntu)",
                absent.installHint(),
                "the English");
        I18n.setLocale(I18n.CHINESE);
        LabViewModel lab = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        lab.loadDataset(absent);
        assertEquals(
                "未安装 Fashion-MNIST（" + dir.resolve("none")
                        + "）；用以下命令安装：sudo apt install dataset-fashion-mnist（Debian / Ubuntu）",
                lab.statusProperty().get());
    }

    @Test
    void everyKeyTheCoreMakesHasChineseWordsWithTheSamePlaceholders() throws IOException {
        Map<String, String> made = new TreeMap<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/initlab"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                calls += count(src, "Message.of(");
                Matcher m = MADE.matcher(src);
                while (m.find()) {
                    String before = made.put(m.group(1), m.group(2));
                    assertTrue(
                            before == null || placeholders(before).equals(placeholders(m.group(2))),
                            m.group(1) + " is made with two sets of placeholders");
                }
            }
        }
        // Every message is made with a literal key and English pattern, so this list is all the core can make.
        assertEquals(calls, countMatches(), "Message.of with a key that is not a literal");
        assertTrue(made.size() > 60, "keys " + made.size());
        Properties zh = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/org/initlab/ui/base/core_zh_CN.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (var e : made.entrySet()) {
            String words = zh.getProperty(e.getKey());
            assertTrue(words != null && !words.isBlank(), "no Chinese for " + e.getKey());
            assertEquals(placeholders(e.getValue()), placeholders(words), e.getKey());
        }
        assertEquals(made.keySet(), zh.stringPropertyNames(), "Chinese words for keys the core no longer makes");
    }

    /** The run file with one run of the weight scheme {@code id} (read before the rest of the run). */
    /** The reference comparison's run file, with no runs (enough for the records' refusals). */
    private static String referenceRunJson() {
        return RunJson.write(
                new Comparison(
                        NetworkSpec.reference(784, 30, 10),
                        TrainingConfig.reference(),
                        List.of(InitScheme.of(InitCatalog.byId("lecun"))),
                        List.of(1L),
                        1),
                null,
                List.of());
    }

    /** {@code json} with the network's first two layer sizes (784, 30) replaced, and nothing else in the file. */
    private static String withSizes(String json, String firstTwo) {
        String edited = json.replaceFirst("(\"sizes\"\\s*:\\s*\\[)\\s*784\\s*,\\s*30\\b", "$1" + firstTwo);
        assertFalse(edited.equals(json), "the file lists the sizes 784, 30");
        return edited;
    }

    private static String withRunOf(String json, String id) {
        String runs = json.replaceFirst("\"runs\"\\s*:\\s*\\[\\s*\\]", "\"runs\": [{\"weights\": \"" + id + "\"}]");
        assertFalse(runs.equals(json), "the file lists no runs");
        return runs;
    }

    private static int countMatches() throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/initlab"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = MADE.matcher(Files.readString(f));
                while (m.find()) n++;
            }
        }
        return n;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[0-9]+\\}").matcher(pattern);
        while (m.find()) out.add(m.group());
        return out;
    }
}
