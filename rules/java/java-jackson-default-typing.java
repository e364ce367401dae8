ObjectMapper mapper = new ObjectMapper();
// ruleid: java-jackson-default-typing
mapper.enableDefaultTyping();
// ruleid: java-jackson-default-typing
mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
PolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder().allowIfSubType("com.acme.events.").build();
// ok: java-jackson-default-typing
mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
// ok: java-jackson-default-typing
mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
// ok: java-jackson-default-typing
SecurityJackson2Modules.enableDefaultTyping(context.getOwner());
