// ruleid: csharp-javascriptserializer-type-resolver
var serializer = new JavaScriptSerializer(new SimpleTypeResolver());
// ok: csharp-javascriptserializer-type-resolver
var plain = new JavaScriptSerializer();
