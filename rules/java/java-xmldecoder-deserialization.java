// ruleid: java-xmldecoder-deserialization
XMLDecoder decoder = new XMLDecoder(request.getInputStream());
// ruleid: java-xmldecoder-deserialization
Object o = new java.beans.XMLDecoder(new ByteArrayInputStream(body)).readObject();
// ok: java-xmldecoder-deserialization
XMLEncoder encoder = new XMLEncoder(out);
// ok: java-xmldecoder-deserialization
Order order = xmlMapper.readValue(body, Order.class);
