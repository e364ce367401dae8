// ruleid: java-fastjson-autotype
ParserConfig.getGlobalInstance().setAutoTypeSupport(true);
// ruleid: java-fastjson-autotype
Object o = JSON.parseObject(body, Object.class, Feature.SupportAutoType);
// ok: java-fastjson-autotype
ParserConfig.getGlobalInstance().setAutoTypeSupport(false);
// ok: java-fastjson-autotype
Order order = JSON.parseObject(body, Order.class);
