var settings = new XmlReaderSettings
{
    // ok: csharp-xxe-dtd-processing
    DtdProcessing = DtdProcessing.Parse,
    XmlResolver = null,
    MaxCharactersFromEntities = 1024,
};
