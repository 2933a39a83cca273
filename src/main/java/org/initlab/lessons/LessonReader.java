package org.initlab.lessons;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.initlab.core.init.InitCatalog;
import org.initlab.format.Message;
import org.initlab.format.Numbers;
import org.initlab.io.TextFiles;
import org.initlab.settings.DecimalParam;
import org.initlab.settings.JsonFiles;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.Presets;
import org.initlab.settings.SettingsFormatException;
import org.initlab.settings.WholeListParam;
import org.initlab.settings.WholeParam;
import org.initlab.sweep.SweepPlan;
import org.initlab.theory.ZSpec;

/**
 * Reads a lesson file (JSON, format in docs/lessons.md) and checks all of it before anything uses it: the
 * structure, the sizes, every placeholder, every setting against the settings model's limits, presets,
 * tabs and pointer targets. A problem is a {@link LessonFormatException} naming the file, the step and
 * what is wrong ({@link LessonProblem} words it). The JSON tree is read; nothing in a lesson is ever executed.
 */
public final class LessonReader {
    public static final String SCHEMA = "initlab-lesson";
    public static final int VERSION = 1;
    public static final long MAX_BYTES = 256 * 1024;
    public static final int MAX_STEPS = 60, MAX_TEXT = 4_000, MAX_CHOICES = 6;
    private static final ObjectMapper MAPPER = JsonFiles.strictReader(StreamReadConstraints.builder()
            .maxNestingDepth(12)
            .maxStringLength(MAX_TEXT * 2)
            .build());

    /**
     * The window's words a lesson may use: its tab names, the parts a pointer can point at, and the tab each part
     * is on (a part not in {@code targetTabs}, such as a field of the side panel, is shown on every tab), and the
     * live numbers its texts may quote (the ones the window's features declare).
     */
    public record Vocabulary(
            Set<String> tabs, Set<String> targets, Map<String, String> targetTabs, Placeholders.Names numbers) {
        /** Without tabs for the parts: every part counts as shown on every tab. */
        public Vocabulary(Set<String> tabs, Set<String> targets, Placeholders.Names numbers) {
            this(tabs, targets, Map.of(), numbers);
        }

        /** Without tabs for the parts and without live numbers. */
        public Vocabulary(Set<String> tabs, Set<String> targets) {
            this(tabs, targets, Placeholders.Names.NONE);
        }
    }

    /** The z view's fields a step may set and wait on (docs/lessons.md); its scheme slots are "zSchemes". */
    private static final List<Param<?>> Z_FIELDS = List.of(
            LabParameters.Z_INPUTS,
            LabParameters.Z_ONES,
            LabParameters.Z_BIAS_SIGMA,
            LabParameters.Z_CUSTOM_SIGMA,
            LabParameters.Z_SAMPLES,
            LabParameters.Z_SEED,
            LabParameters.THRESHOLD);

    private final Vocabulary vocabulary;

    public LessonReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Lesson read(Path file) throws IOException {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw LessonProblem.notFound(name);
        if (Files.size(file) > MAX_BYTES) throw LessonProblem.tooLarge(name);
        return read(name, Files.readAllBytes(file));
    }

    /** A lesson shipped in the resources ({@code /org/initlab/lessons/NAME.json}). */
    public Lesson readResource(String resource) throws IOException {
        try (InputStream in = LessonReader.class.getResourceAsStream(resource)) {
            if (in == null) throw LessonProblem.notFound(resource);
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw LessonProblem.tooLarge(resource);
            return read(resource, bytes);
        }
    }

    public Lesson read(String source, byte[] bytes) throws LessonFormatException {
        JsonNode root;
        try {
            root = JsonFiles.readTree(MAPPER, TextFiles.decode(bytes));
        } catch (TextFiles.NotUtf8Exception e) {
            throw LessonProblem.inFile(source, Message.plain(e.getMessage()));
        } catch (SettingsFormatException e) {
            throw LessonProblem.inFile(source, e.wording());
        }
        try {
            return lesson(source, root);
        } catch (LessonProblem p) {
            throw p.inFile(source);
        }
    }

    private Lesson lesson(String source, JsonNode root) throws LessonProblem {
        if (root == null || !root.isObject())
            throw new LessonProblem(Message.of("file.notObject", "expected a JSON object"));
        keys(root, "", "schema", "version", "id", "minutes", "title", "summary", "steps");
        if (!SCHEMA.equals(textOrNull(root.get("schema"))))
            throw new LessonProblem(Message.of("file.schema", "\"schema\" must be \"{0}\"", SCHEMA));
        JsonNode version = root.get("version");
        if (version == null || !version.isInt())
            throw new LessonProblem(Message.of("file.notWhole", "\"{0}\" must be a whole number", "version"));
        if (version.intValue() > VERSION)
            throw new LessonProblem(Message.of(
                    "lesson.newer",
                    "written for a newer InitLab (lesson version {0}; this one reads up to {1})",
                    String.valueOf(version.intValue()),
                    String.valueOf(VERSION)));
        if (version.intValue() != VERSION)
            throw new LessonProblem(Message.of(
                    "lesson.unknownVersion", "unknown lesson version {0}", String.valueOf(version.intValue())));
        String id = textOrNull(root.get("id"));
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}"))
            throw new LessonProblem(
                    Message.of("lesson.id", "\"id\" must be 1 to 40 lower-case letters, digits or dashes"));
        JsonNode minutes = root.get("minutes");
        if (minutes == null || !minutes.isInt() || minutes.intValue() < 1 || minutes.intValue() > 120)
            throw new LessonProblem(Message.of("lesson.minutes", "\"minutes\" must be a whole number from 1 to 120"));
        Text title = text(root, "title", "", true);
        Text summary = text(root, "summary", "", false);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty())
            throw new LessonProblem(Message.of("lesson.steps", "\"steps\" must be a list of at least one step"));
        if (steps.size() > MAX_STEPS)
            throw new LessonProblem(Message.of(
                    "lesson.tooManySteps",
                    "at most {0} steps, this lesson has {1}",
                    String.valueOf(MAX_STEPS),
                    String.valueOf(steps.size())));
        List<Step> out = new ArrayList<>();
        Context context = new Context();
        for (int i = 0; i < steps.size(); i++) out.add(step(steps.get(i), "step " + (i + 1) + ": ", context));
        return new Lesson(id, title, summary, minutes.intValue(), out, source);
    }

    /**
     * What the steps so far have set, which a later step's checks need: the tab shown (a step's own "tab", else
     * the last one set) and the z view's values (the last ones a step set or waited for; the learner's own are unknown).
     */
    private static final class Context {
        String tab;
        final Map<String, String> z = new LinkedHashMap<>();

        /** The value in effect, or null when no step has set it. */
        Long zValue(WholeParam p) {
            String text = z.get(p.id());
            return text == null ? null : p.parse(text).value();
        }
    }

    private Step step(JsonNode s, String where, Context context) throws LessonProblem {
        if (!s.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(s, where, "title", "text", "set", "point", "ask", "wait", "claims");
        Text title = text(s, "title", where, false);
        Text body = text(s, "text", where, true);
        Step.State state = state(s.get("set"), where + "\"set\": ", context);
        return new Step(
                title,
                body,
                state,
                pointer(s.get("point"), where + "\"point\": ", context),
                prediction(s.get("ask"), where + "\"ask\": "),
                waitFor(s.get("wait"), where + "\"wait\": ", context),
                claims(s.get("claims"), where + "\"claims\": "));
    }

    /** [{"greater": A, "than": B, "by": 1.0}, …]: what the text states about its numbers ("by" optional, ≥ 0). */
    private List<Step.Claim> claims(JsonNode n, String where) throws LessonProblem {
        if (n == null) return List.of();
        if (!n.isArray() || n.size() > MAX_CHOICES)
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.claims", "must be a list of at most {0} comparisons", String.valueOf(MAX_CHOICES)));
        List<Step.Claim> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            String w = where + "claim " + (i + 1) + ": ";
            if (!c.isObject())
                throw new LessonProblem(
                        w,
                        Message.of(
                                "lesson.claimShape",
                                "must be '{'\"greater\": placeholder, \"than\": placeholder, \"by\": margin'}'"));
            keys(c, w, "greater", "than", "by");
            String greater = placeholder(c.get("greater"), w + "\"greater\""),
                    than = placeholder(c.get("than"), w + "\"than\"");
            JsonNode by = c.get("by");
            if (by != null && (!by.isNumber() || !(by.doubleValue() >= 0) || by.doubleValue() > 100))
                throw new LessonProblem(w, Message.of("lesson.by", "\"by\" must be a number from 0 to 100"));
            out.add(new Step.Claim(greater, than, by == null ? 0 : by.doubleValue()));
        }
        return out;
    }

    private Step.State state(JsonNode n, String where, Context context) throws LessonProblem {
        if (n == null) return null;
        if (!n.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(n, where, "preset", "settings", "schemes", "z", "zSchemes", "tab", "showSeeds", "epoch", "sweep");
        String preset = textOrNull(n.get("preset"));
        if (n.has("preset") && (preset == null || Presets.byId(preset).isEmpty())) {
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.unknownPreset",
                            "unknown preset {0} (known: {1})",
                            String.valueOf(n.get("preset")),
                            String.join(", ", Presets.ids())));
        }
        Map<String, String> settings =
                values(n.get("settings"), LabParameters.fileSettings(), where + "\"settings\": ");
        List<String> schemes = null;
        if (n.has("schemes")) {
            JsonNode list = n.get("schemes");
            if (!list.isArray())
                throw new LessonProblem(
                        where, Message.of("lesson.schemesList", "\"schemes\" must be a list of scheme ids"));
            schemes = new ArrayList<>();
            for (JsonNode id : list) {
                if (!id.isTextual())
                    throw new LessonProblem(
                            where, Message.of("lesson.schemesStrings", "\"schemes\" must hold strings"));
                schemes.add(id.asText());
            }
            Parsed<?> ok = LabParameters.SCHEMES.parse(String.join(",", schemes));
            if (!ok.ok()) throw new LessonProblem(where, LessonProblem.labelled("schemes", ok.problem()));
        }
        // The z view's own fields; its two schemes are "zSchemes" (the parameter "weights" is zlab's single one).
        Map<String, String> z = values(n.get("z"), Z_FIELDS, where + "\"z\": ");
        context.z.putAll(z);
        checkZ(context, where + "\"z\": ");
        List<String> zSchemes = null;
        if (n.has("zSchemes")) {
            JsonNode list = n.get("zSchemes");
            if (!list.isArray() || list.size() != 2)
                throw new LessonProblem(
                        where, Message.of("lesson.zSchemes", "\"zSchemes\" must list the z view''s two schemes"));
            zSchemes = new ArrayList<>();
            for (JsonNode id : list) {
                String v = textOrNull(id);
                if (v == null || !(v.equals("custom") || InitCatalog.ids().contains(v))) {
                    throw new LessonProblem(
                            where,
                            Message.of(
                                    "lesson.zScheme",
                                    "\"zSchemes\": unknown scheme {0} (a catalogue id or \"custom\")",
                                    String.valueOf(id)));
                }
                zSchemes.add(v);
            }
        }
        String tab = null;
        if (n.has("tab")) tab = known(n.get("tab"), vocabulary.tabs(), where + "\"tab\"");
        if (tab != null) context.tab = tab;
        Boolean showSeeds = null;
        if (n.has("showSeeds")) {
            if (!n.get("showSeeds").isBoolean())
                throw new LessonProblem(where, Message.of("lesson.showSeeds", "\"showSeeds\" must be true or false"));
            showSeeds = n.get("showSeeds").booleanValue();
        }
        Integer epoch = null;
        if (n.has("epoch")) {
            JsonNode e = n.get("epoch");
            if (e.isTextual() && e.asText().equals("init")) epoch = Step.State.INITIALIZATION;
            else if (e.isTextual() && e.asText().equals("newest")) epoch = Step.State.NEWEST;
            else if (e.isInt() && e.intValue() >= 0 && e.intValue() < LabParameters.EPOCHS.max()) epoch = e.intValue();
            else
                throw new LessonProblem(
                        where,
                        Message.of(
                                "lesson.epoch",
                                "\"epoch\" must be \"init\", \"newest\" or an epoch from 0 to {0}",
                                String.valueOf(LabParameters.EPOCHS.max() - 1)));
        }
        Map<String, String> sweep = sweepGrid(n.get("sweep"), preset, settings, schemes, where + "\"sweep\": ");
        return new Step.State(preset, settings, schemes, z, zSchemes, tab, showSeeds, epoch, sweep);
    }

    /**
     * The Sweep tab's grid a step fills: {@link Step.State#SWEEP_KEYS} as texts, read as the sweep would read it with the
     * step's preset and settings (each value in its parameter's limits, the run count, the networks' sizes).
     */
    private static Map<String, String> sweepGrid(
            JsonNode n, String preset, Map<String, String> settings, List<String> schemes, String where)
            throws LessonProblem {
        if (n == null) return Map.of();
        if (!n.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(n, where, Step.State.SWEEP_KEYS.toArray(String[]::new));
        Map<String, String> grid = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() && !e.getValue().isNumber())
                throw new LessonProblem(
                        where, Message.of("lesson.stringOrNumber", "\"{0}\" must be a string or a number", e.getKey()));
            grid.put(e.getKey(), e.getValue().asText());
        }
        if (!grid.containsKey("param") || !grid.containsKey("values"))
            throw new LessonProblem(where, Message.of("lesson.sweepAxes", "needs \"param\" and \"values\""));
        Map<String, String> axes = new LinkedHashMap<>(grid);
        axes.keySet().retainAll(List.of(SweepPlan.PARAM, SweepPlan.VALUES, SweepPlan.PARAM2, SweepPlan.VALUES2));
        Presets.Preset base =
                Presets.byId(preset == null ? "reference" : preset).orElseThrow();
        Map<String, String> texts = new LinkedHashMap<>(base.settings().values());
        texts.putAll(settings);
        texts.remove(LabParameters.SEED.id());
        texts.remove(LabParameters.SEEDS_PER_SCHEME.id());
        texts.put(LabParameters.SEEDS.id(), grid.getOrDefault("seeds", LabParameters.SEEDS.defaultText()));
        if (grid.containsKey("epochs")) texts.put(LabParameters.EPOCHS.id(), grid.get("epochs"));
        if (grid.containsKey("batches")) texts.put(LabParameters.BATCHES_PER_EPOCH.id(), grid.get("batches"));
        List<String> ids = grid.containsKey("schemes")
                ? org.initlab.settings.IdListParam.ids(grid.get("schemes"))
                : schemes != null ? schemes : base.settings().schemes();
        try {
            SweepPlan.parse(axes, texts, ids);
        } catch (IllegalArgumentException e) {
            throw new LessonProblem(where, LessonProblem.wording(e));
        }
        return grid;
    }

    /** Settings texts keyed by parameter id, each accepted by its parameter (the one model's limits). */
    private static Map<String, String> values(JsonNode n, List<Param<?>> allowed, String where) throws LessonProblem {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (!n.isObject())
            throw new LessonProblem(where, Message.of("lesson.expectedSettings", "expected an object of settings"));
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Param<?> p = allowed.stream()
                    .filter(x -> x.id().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new LessonProblem(
                            where, Message.of("lesson.unknownSetting", "unknown setting \"{0}\"", e.getKey())));
            if (!e.getValue().isTextual() && !e.getValue().isNumber())
                throw new LessonProblem(
                        where, Message.of("lesson.stringOrNumber", "\"{0}\" must be a string or a number", e.getKey()));
            Parsed<?> parsed = p.parse(e.getValue().asText());
            if (!parsed.ok()) throw new LessonProblem(where, LessonProblem.labelled(e.getKey(), parsed.problem()));
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The z values in effect hold together as the z view requires: ones ≤ inputs, and at most zlab's draws. */
    private static void checkZ(Context context, String where) throws LessonProblem {
        Long inputs = context.zValue(LabParameters.Z_INPUTS),
                ones = context.zValue(LabParameters.Z_ONES),
                samples = context.zValue(LabParameters.Z_SAMPLES);
        if (ones != null && inputs != null && ones > inputs)
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.onesAboveInputs",
                            "\"ones\" {0} is more than the {1} inputs",
                            String.valueOf(ones),
                            String.valueOf(inputs)));
        long draws = ones == null || samples == null ? 0 : samples * Math.max(1, ones);
        if (draws > ZSpec.MAX_DRAWS) {
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.tooManyDraws",
                            "\"samples\" × \"ones\" = {0} weight draws; the limit is {1}",
                            Numbers.grouped(draws),
                            Numbers.grouped(ZSpec.MAX_DRAWS)));
        }
    }

    private Step.Pointer pointer(JsonNode n, String where, Context context) throws LessonProblem {
        if (n == null) return null;
        if (!n.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(n, where, "target", "note");
        String target = known(n.get("target"), vocabulary.targets(), where + "\"target\"");
        String on = vocabulary.targetTabs().get(target);
        if (on != null && !on.equals(context.tab)) {
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.targetTab",
                            "\"{0}\" is on the tab \"{1}\", but this step shows {2}: set \"tab\": \"{1}\" in its \"set\"",
                            target,
                            on,
                            context.tab == null
                                    ? Message.of("lesson.noTabYet", "no tab set so far")
                                    : Message.plain("\"" + context.tab + "\"")));
        }
        return new Step.Pointer(target, text(n, "note", where, false));
    }

    private Step.Prediction prediction(JsonNode n, String where) throws LessonProblem {
        if (n == null) return null;
        if (!n.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(n, where, "question", "choices", "reveal");
        Text question = text(n, "question", where, true);
        JsonNode choices = n.get("choices");
        if (choices == null || !choices.isArray() || choices.size() < 2 || choices.size() > MAX_CHOICES) {
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.choices",
                            "\"choices\" must be a list of 2 to {0} choices",
                            String.valueOf(MAX_CHOICES)));
        }
        List<Step.Choice> out = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String w = where + "choice " + (i + 1) + ": ";
            if (!c.isObject()) throw new LessonProblem(w, LessonProblem.expectedObject());
            keys(c, w, "text", "right");
            Text t = text(c, "text", w, true);
            String greater = null, than = null;
            if (c.has("right")) {
                JsonNode r = c.get("right");
                if (!r.isObject())
                    throw new LessonProblem(
                            w,
                            Message.of(
                                    "lesson.right",
                                    "\"right\" must be '{'\"greater\": placeholder, \"than\": placeholder'}'"));
                keys(r, w + "\"right\": ", "greater", "than");
                greater = placeholder(r.get("greater"), w + "\"right\".\"greater\"");
                than = placeholder(r.get("than"), w + "\"right\".\"than\"");
            }
            out.add(new Step.Choice(t, greater, than));
        }
        if (out.stream().allMatch(c -> c.greater() == null))
            throw new LessonProblem(where, Message.of("lesson.noRight", "no choice says when it is right (\"right\")"));
        return new Step.Prediction(question, out, text(n, "reveal", where, true));
    }

    /** A single placeholder's name as a comparison operand: "run.epoch0:lecun". */
    private String placeholder(JsonNode n, String where) throws LessonProblem {
        String token = textOrNull(n);
        if (token == null)
            throw new LessonProblem(
                    where, Message.of("lesson.placeholder", " must name a placeholder such as \"run.epoch0:lecun\""));
        try {
            return Placeholders.parse(token, vocabulary.numbers()).token();
        } catch (IllegalArgumentException e) {
            throw new LessonProblem(where + ": ", LessonProblem.wording(e));
        }
    }

    private Step.Wait waitFor(JsonNode n, String where, Context context) throws LessonProblem {
        if (n == null) return null;
        if (!n.isObject()) throw new LessonProblem(where, LessonProblem.expectedObject());
        keys(n, where, "for", "param", "value", "tab", "hint");
        String kind = textOrNull(n.get("for"));
        Text hint = text(n, "hint", where, true);
        if ("run".equals(kind)) return new Step.Wait(Step.Wait.Kind.RUN_FINISHED, null, null, hint);
        if ("sweep".equals(kind)) return new Step.Wait(Step.Wait.Kind.SWEEP_FINISHED, null, null, hint);
        if ("tab".equals(kind))
            return new Step.Wait(
                    Step.Wait.Kind.TAB, null, known(n.get("tab"), vocabulary.tabs(), where + "\"tab\""), hint);
        if ("setting".equals(kind)) {
            String id = textOrNull(n.get("param"));
            // A wait watches a field the learner types in: the training settings that are numbers, and the z view's
            // fields.
            List<Param<?>> allowed = new ArrayList<>(LabParameters.fileSettings().stream()
                    .filter(p -> p instanceof WholeParam || p instanceof DecimalParam || p instanceof WholeListParam)
                    .toList());
            allowed.addAll(Z_FIELDS);
            Param<?> p = allowed.stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new LessonProblem(
                            where,
                            Message.of(
                                    "lesson.waitSetting",
                                    "unknown setting {0} (a wait watches a field: {1})",
                                    String.valueOf(n.get("param")),
                                    String.join(
                                            ", ",
                                            allowed.stream().map(Param::id).toList()))));
            String value = n.has("value")
                            && (n.get("value").isTextual() || n.get("value").isNumber())
                    ? n.get("value").asText()
                    : null;
            if (value == null)
                throw new LessonProblem(
                        where, Message.of("lesson.waitValue", "\"value\" must be the value to wait for"));
            Parsed<?> parsed = p.parse(value);
            if (!parsed.ok()) throw new LessonProblem(where, LessonProblem.labelled("value", parsed.problem()));
            if (Z_FIELDS.contains(p)) {
                // The z view holds it only with the others in range: ones ≤ inputs, and at most zlab's draws.
                context.z.put(id, value); // what the learner will have typed when the step is done
                checkZ(context, where + "\"value\": ");
            }
            return new Step.Wait(Step.Wait.Kind.SETTING, id, value, hint);
        }
        throw new LessonProblem(
                where, Message.of("lesson.waitFor", "\"for\" must be \"run\", \"setting\", \"tab\" or \"sweep\""));
    }

    private static String known(JsonNode n, Set<String> allowed, String where) throws LessonProblem {
        String v = textOrNull(n);
        if (v == null || !allowed.contains(v))
            throw new LessonProblem(
                    where,
                    Message.of(
                            "lesson.notOneOf",
                            " must be one of {0}, got {1}",
                            String.join(", ", new java.util.TreeSet<>(allowed)),
                            String.valueOf(n)));
        return v;
    }

    /** A {"en": …, "zh": …} text, both languages required, placeholders checked. */
    private Text text(JsonNode parent, String key, String where, boolean required) throws LessonProblem {
        JsonNode n = parent.get(key);
        if (n == null) {
            if (required) throw new LessonProblem(where, Message.of("lesson.missing", "\"{0}\" is missing", key));
            return Text.EMPTY;
        }
        if (!n.isObject())
            throw new LessonProblem(
                    where, Message.of("lesson.notText", "\"{0}\" must be '{'\"en\": …, \"zh\": …'}'", key));
        keys(n, where + "\"" + key + "\": ", "en", "zh");
        String en = textOrNull(n.get("en")), zh = textOrNull(n.get("zh"));
        if (en == null || zh == null || en.isBlank() || zh.isBlank())
            throw new LessonProblem(
                    where, Message.of("lesson.bothLanguages", "\"{0}\" needs both \"en\" and \"zh\" texts", key));
        for (String t : List.of(en, zh)) {
            if (t.length() > MAX_TEXT)
                throw new LessonProblem(
                        where,
                        Message.of(
                                "lesson.textTooLong",
                                "\"{0}\" is longer than {1} characters",
                                key,
                                String.valueOf(MAX_TEXT)));
            try {
                Placeholders.in(t, vocabulary.numbers());
            } catch (IllegalArgumentException e) {
                throw new LessonProblem(where + "\"" + key + "\": ", LessonProblem.wording(e));
            }
        }
        return new Text(en, zh);
    }

    private static void keys(JsonNode n, String where, String... allowed) throws LessonProblem {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k))
                throw new LessonProblem(
                        where,
                        Message.of(
                                "lesson.unknownKey",
                                "unknown key \"{0}\" (expected {1})",
                                k,
                                String.join(", ", allowed)));
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
