var xslt = new XslCompiledTransform();
// ruleid: csharp-xslt-script-enabled
xslt.Load(path, new XsltSettings(true, true), new XmlUrlResolver());
// ruleid: csharp-xslt-script-enabled
xslt.Load(path, XsltSettings.TrustedXslt, null);
// ok: csharp-xslt-script-enabled
xslt.Load(path, XsltSettings.Default, null);
// ok: csharp-xslt-script-enabled
xslt.Load(path, new XsltSettings(false, false), null);
