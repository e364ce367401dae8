Kryo kryo = new Kryo();
// ruleid: java-kryo-registration-disabled
kryo.setRegistrationRequired(false);
// ok: java-kryo-registration-disabled
kryo.setRegistrationRequired(true);
kryo.register(Order.class);
