import javax.xml.parsers.*;

class FeedReader {
    void read(InputStream in, DefaultHandler h) throws Exception {
        // ruleid: java-xxe-saxparser
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(in, h);
    }

    org.jdom2.Document jdom(InputStream in) throws Exception {
        // ruleid: java-xxe-saxparser
        SAXBuilder builder = new SAXBuilder();
        return builder.build(in);
    }

    void safe(InputStream in, DefaultHandler h) throws Exception {
        // ok: java-xxe-saxparser
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.newSAXParser().parse(in, h);
    }

    org.jdom2.Document nearMiss(InputStream in) throws Exception {
        // ok: java-xxe-saxparser
        SAXBuilder builder = new SAXBuilder();
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return builder.build(in);
    }
}
