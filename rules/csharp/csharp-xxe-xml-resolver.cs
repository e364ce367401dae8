var doc = new XmlDocument();
// ruleid: csharp-xxe-xml-resolver
doc.XmlResolver = new XmlUrlResolver();
doc.Load(upload);
// ok: csharp-xxe-xml-resolver
doc.XmlResolver = null;
