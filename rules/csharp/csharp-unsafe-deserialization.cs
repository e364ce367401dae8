// ruleid: csharp-unsafe-deserialization
var obj = new BinaryFormatter().Deserialize(stream);
// ruleid: csharp-unsafe-deserialization
TypeNameHandling = TypeNameHandling.All
// ok: csharp-unsafe-deserialization
TypeNameHandling = TypeNameHandling.None
