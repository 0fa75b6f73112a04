// Loads the dashboard's script with a minimal DOM stand-in and prints, as JSON, how it cuts
// an article's text into highlighted pieces. Used by tests/test_dashboard.py (needs node).
"use strict";
const fs = require("fs");
const vm = require("vm");

class Node {
  constructor(tag) { this.tag = tag; this.children = []; this.dataset = {}; this.className = ""; this._text = ""; }
  set textContent(value) { this._text = value; this.children = []; }
  get textContent() { return this._text + this.children.map((c) => (typeof c === "string" ? c : c.textContent)).join(""); }
  append(...items) { this.children.push(...items); }
  addEventListener() {}
}
const document = {
  createElement: (tag) => new Node(tag),
  createDocumentFragment: () => new Node("#fragment"),
  addEventListener: () => {},
  querySelector: () => new Node("stub"),
  querySelectorAll: () => [],
};
const context = vm.createContext({document, history: {replaceState() {}}, location: {hash: ""},
                                  fetch: () => { throw new Error("no fetch in this check"); }});
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
const doc = JSON.parse(fs.readFileSync(0, "utf8"));
const frag = vm.runInContext("(doc) => renderText(doc.article.text, spans(doc))", context)(doc);
console.log(JSON.stringify(frag.children.map((c) => (typeof c === "string"
  ? {text: c, classes: []} : {text: c.textContent, classes: c.className.split(" "), recs: c.dataset.recs.split(" ")}))));
