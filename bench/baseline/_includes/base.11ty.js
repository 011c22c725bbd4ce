// A minimal page: title and rendered Markdown, nothing else.
export default function (data) {
  const title = String(data.title ?? "").replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${data.content}</main></body></html>`;
}
