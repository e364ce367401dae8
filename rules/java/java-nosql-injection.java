import org.bson.Document;
import com.mongodb.client.model.Filters;

class Products {
    MongoCollection<Document> coll;

    Object find(HttpServletRequest request) {
        String filter = request.getParameter("filter");
        // ruleid: java-nosql-injection
        return coll.find(Document.parse(filter)).first();
    }

    @GetMapping("/search")
    Object search(@RequestParam String name, MongoTemplate mongo) {
        // ruleid: java-nosql-injection
        Query q = new BasicQuery("{ name: '" + name + "' }");
        return mongo.find(q, Product.class);
    }

    Object where(@RequestParam String expr) {
        // ruleid: java-nosql-injection
        return coll.find(Filters.where("this.price < " + expr)).first();
    }

    Object safe(@RequestParam String name) {
        // ok: java-nosql-injection
        return coll.find(Filters.eq("name", name)).first();
    }

    Object nearMiss(@RequestParam String name) {
        // ok: java-nosql-injection
        return coll.find(Document.parse("{ \"active\": true }")).first();
    }
}
