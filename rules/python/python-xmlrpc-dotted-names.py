from xmlrpc.server import SimpleXMLRPCServer

server = SimpleXMLRPCServer(("127.0.0.1", 8000))
# ruleid: python-xmlrpc-dotted-names
server.register_instance(Api(), allow_dotted_names=True)
# ok: python-xmlrpc-dotted-names
server.register_instance(Api())
