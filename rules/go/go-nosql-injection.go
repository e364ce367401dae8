package app

import "go.mongodb.org/mongo-driver/bson"

func find(w http.ResponseWriter, r *http.Request) {
	expr := r.URL.Query().Get("expr")
	// ruleid: go-nosql-injection
	filter := bson.M{"$where": expr}
	cur, err := coll.Find(ctx, filter)
	var q bson.M
	// ruleid: go-nosql-injection
	err = bson.UnmarshalExtJSON([]byte(r.FormValue("filter")), true, &q)
	_, _ = cur, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go-nosql-injection
	filter := bson.M{"name": name}
	// ok: go-nosql-injection
	js := bson.M{"$where": "this.active == true"}
	var q bson.M
	// ok: go-nosql-injection
	err := bson.UnmarshalExtJSON(defaultFilter, true, &q)
	_, _, _ = filter, js, err
}
