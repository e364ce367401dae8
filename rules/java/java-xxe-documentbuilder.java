import javax.xml.parsers.*;

class XmlImport {
    Document parse(InputStream in) throws Exception {
        // ruleid: java-xxe-documentbuilder
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        return dbf.newDocumentBuilder().parse(in);
    }

    Document safe(InputStream in) throws Exception {
        // ok: java-xxe-documentbuilder
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    Document nearMiss(InputStream in) throws Exception {
        // ok: java-xxe-documentbuilder
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return dbf.newDocumentBuilder().parse(in);
    }
}

class Hardened {
    static DocumentBuilderFactory create() {
        // ok: java-xxe-documentbuilder
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return disableXXE(factory);
    }
}
