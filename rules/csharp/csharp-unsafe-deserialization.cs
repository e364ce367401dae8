// ruleid: csharp-unsafe-deserialization
var obj = new BinaryFormatter().Deserialize(stream);
// ruleid: csharp-unsafe-deserialization
IFormatter formatter = new SoapFormatter();
// ok: csharp-unsafe-deserialization
var order = JsonSerializer.Deserialize<Order>(stream);
// ok: csharp-unsafe-deserialization
var order2 = (Order)new XmlSerializer(typeof(Order)).Deserialize(stream);
