namespace RunComfy.Emulator;

/// <summary>
/// Everything that shapes the emulator's behaviour. Most settings are read per request, so tests may
/// change them while the server runs; job timings are captured when a job is accepted.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The bearer token the emulator accepts. Never logged or echoed.</summary>
    public string Token { get; set; } = "emulator-token";

    /// <summary>More accepted tokens, each a separate user: a request belongs to the token that submitted it.</summary>
    public ICollection<string> AdditionalTokens { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Folder of input schemas (model id = path without <c>.json</c>), served together with the bundled ones
    /// (the <c>schemas</c> folder copied next to the emulator assembly); on the same id this folder's schema wins.
    /// </summary>
    public string? SchemasDirectory { get; set; }

    /// <summary>
    /// Reads <see cref="SchemasDirectory"/> again whenever a file in it changes (the standalone emulator turns this
    /// on), so an edited schema is served without a restart. A folder that fails to load leaves the models as they were.
    /// </summary>
    public bool ReloadSchemasOnChange { get; set; }

    /// <summary>Where reloads of <see cref="ReloadSchemasOnChange"/> are reported (model count, or the error); null for nowhere.</summary>
    public TextWriter? SchemaReloadLog { get; set; }

    /// <summary>More models, kept in memory: model id -> input schema JSON. Read at start.</summary>
    public IDictionary<string, string> ExtraSchemas { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The queue position a new job starts at; it counts down by one per <see cref="QueueStep"/>. 0 skips the queue.</summary>
    public int InitialQueuePosition { get; set; } = 2;

    /// <summary>How long a job keeps each queue position.</summary>
    public TimeSpan QueueStep { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a job stays <c>in_progress</c>.</summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How many jobs run at once. When set, jobs wait in one FIFO queue, <c>queue_position</c> is the number of
    /// jobs ahead, and the head starts (for <see cref="RunDuration"/>) when a worker frees; <see cref="InitialQueuePosition"/>
    /// and <see cref="QueueStep"/> are then unused. Null (the default): every job counts down on its own timer. Read at start.
    /// </summary>
    public int? Workers { get; set; }

    /// <summary>Random and scripted faults.</summary>
    public FaultOptions Faults { get; } = new();

    /// <summary>Which of the documented answer forms the emulator produces.</summary>
    public WireOptions Wire { get; } = new();

    /// <summary>
    /// When true, asking for the result of an unfinished job answers HTTP 400 with <c>error_code</c> 400005
    /// (the official mock); when false (the documented form) it answers the current state.
    /// </summary>
    public bool ResultBeforeCompletionAs400005 { get; set; }

    /// <summary>How many images an image model produces per job (1 or more).</summary>
    public int OutputImageCount { get; set; } = 1;

    /// <summary>Width in pixels of generated output images.</summary>
    public int OutputImageWidth { get; set; } = 64;

    /// <summary>Height in pixels of generated output images.</summary>
    public int OutputImageHeight { get; set; } = 48;

    /// <summary>Price in USD reported as <c>cost</c> (with <c>?include_cost=true</c>) per output file.</summary>
    public decimal PricePerOutputUsd { get; set; } = 0.03m;

    /// <summary>
    /// Refuses body keys the schema does not list (rule <c>additionalProperties</c>). RunComfy does not document
    /// what it does with them; refusing is the default so a client that misspells a key finds out here.
    /// </summary>
    public bool RejectUnknownInputs { get; set; } = true;

    /// <summary>Whether the <c>validations</c> media rules are checked on data: URIs and on the emulator's own files.</summary>
    public bool CheckMediaRules { get; set; } = true;

    /// <summary>
    /// How long all <c>pattern</c> matches of one submission may run together; a match still running then
    /// is stopped and reported as a <c>pattern</c> input error, so a hostile value cannot hold a request.
    /// </summary>
    public TimeSpan PatternBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest request body accepted, in bytes (data: URIs make bodies large).</summary>
    public long MaxRequestBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The clock jobs move on. Tests may pass a <see cref="ManualClock"/> to step jobs deterministically.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>When set, one line per request (method, path, status); never headers, bodies or tokens.</summary>
    public TextWriter? RequestLog { get; set; }
}
