var settings = new XmlReaderSettings
{
    // ruleid: csharp-xxe-dtd-processing
    DtdProcessing = DtdProcessing.Parse,
};
// ruleid: csharp-xxe-dtd-processing
settings.ProhibitDtd = false;
// ok: csharp-xxe-dtd-processing
var safe = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
