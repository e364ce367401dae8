// ruleid: csharp-netdatacontract-deserialization
var serializer = new NetDataContractSerializer();
// ok: csharp-netdatacontract-deserialization
var safe = new DataContractSerializer(typeof(Order));
