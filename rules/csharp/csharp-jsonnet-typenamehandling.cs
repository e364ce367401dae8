var settings = new JsonSerializerSettings
{
    // ruleid: csharp-jsonnet-typenamehandling
    TypeNameHandling = TypeNameHandling.Auto,
};
public class Envelope
{
    // ruleid: csharp-jsonnet-typenamehandling
    [JsonProperty(TypeNameHandling = TypeNameHandling.All)]
    public object Payload { get; set; }
}
// ok: csharp-jsonnet-typenamehandling
var plain = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
// ok: csharp-jsonnet-typenamehandling
var opts = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore };
