using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunComfy.Emulator.Endpoints;

/// <summary>How answers are serialized: compact, and without escaping quotes or non-ASCII text the way a browser-safe encoder would.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
