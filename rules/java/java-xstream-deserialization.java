XStream xstream = new XStream();
// ruleid: java-xstream-deserialization
Order order = (Order) xstream.fromXML(request.getInputStream());
// ok: java-xstream-deserialization
String xml = xstream.toXML(order);
