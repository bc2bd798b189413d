// An offline API reference built from /openapi.json (no CDN needed, unlike Swagger UI).
"use strict";

function el(tag, cls, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  for (const c of children) node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  return node;
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const box = document.getElementById("routes");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const sec = el("section", "panel wide");
      sec.appendChild(el("h2", "", `${method.toUpperCase()} ${path}`, " ", el("small", "", op.summary || "")));
      if (op.description) sec.appendChild(el("p", "", op.description));
      const params = op.parameters || [];
      if (params.length) {
        const tbody = el("tbody", "");
        for (const p of params) {
          const t = (p.schema && (p.schema.type || (p.schema.anyOf || []).map((s) => s.type).join("|"))) || "";
          tbody.appendChild(el("tr", "", el("td", "", el("code", "", p.name)), el("td", "", p.in), el("td", "", t),
            el("td", "", p.description || "")));
        }
        sec.appendChild(el("table", "", el("thead", "", el("tr", "", el("th", "", "parameter"), el("th", "", "in"),
          el("th", "", "type"), el("th", "", "description"))), tbody));
      }
      if (op.requestBody) sec.appendChild(el("p", "", "Body: JSON (", el("code", "", "ArticleIn"), ": id, date, text, title, source, url)"));
      box.appendChild(sec);
    }
  }
}

document.addEventListener("DOMContentLoaded", main);
