import javax.xml.transform.*;

class Xslt {
    void transform(Source xsl, Source xml, Result out) throws Exception {
        // ruleid: java-xxe-transformer
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.newTransformer(xsl).transform(xml, out);
    }

    Schema schema(Source xsd) throws Exception {
        // ruleid: java-xxe-transformer
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return sf.newSchema(xsd);
    }

    void safe(Source xsl, Source xml, Result out) throws Exception {
        // ok: java-xxe-transformer
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        tf.newTransformer(xsl).transform(xml, out);
    }

    Schema nearMiss(Source xsd) throws Exception {
        // ok: java-xxe-transformer
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return sf.newSchema(xsd);
    }
}
