import javax.xml.xpath.*;
import javax.servlet.http.*;

class Accounts {
    Object find(HttpServletRequest request, Document doc) throws Exception {
        String user = request.getParameter("user");
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = "//account[@user='" + user + "']";
        // ruleid: java-xpath-injection
        return xpath.evaluate(expr, doc, XPathConstants.NODESET);
    }

    Object safe(HttpServletRequest request, Document doc) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(v -> request.getParameter("user"));
        // ok: java-xpath-injection
        return xpath.evaluate("//account[@user=$user]", doc, XPathConstants.NODESET);
    }
}
