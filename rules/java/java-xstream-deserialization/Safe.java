class Orders {
    Order read(InputStream in) {
        XStream xstream = new XStream();
        xstream.addPermission(NoTypePermission.NONE);
        xstream.allowTypes(new Class[] {Order.class, LineItem.class});
        // ok: java-xstream-deserialization
        return (Order) xstream.fromXML(in);
    }
}
