import javax.xml.stream.*;

class StaxReader {
    XMLStreamReader open(InputStream in) throws Exception {
        // ruleid: java-xxe-xmlinputfactory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader safe(InputStream in) throws Exception {
        // ok: java-xxe-xmlinputfactory
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(in);
    }

    XMLStreamWriter nearMiss(OutputStream out) throws Exception {
        // ok: java-xxe-xmlinputfactory
        XMLOutputFactory xof = XMLOutputFactory.newInstance();
        return xof.createXMLStreamWriter(out);
    }
}
