// ruleid: csharp-losformatter-deserialization
var state = new LosFormatter().Deserialize(Request.Form["state"]);
// ruleid: csharp-losformatter-deserialization
var osf = new ObjectStateFormatter();
// ok: csharp-losformatter-deserialization
var dto = JsonSerializer.Deserialize<StateDto>(Request.Form["state"]);
