// ruleid: go-xxe-libxml2
p := parser.New(parser.XMLParseNoEnt | parser.XMLParseNoNet)
// ruleid: go-xxe-libxml2
p := parser.New(parser.XMLParseDTDLoad)
// ok: go-xxe-libxml2
p := parser.New(parser.XMLParseNoNet)
// ok: go-xxe-libxml2
err := xml.NewDecoder(r.Body).Decode(&order)
