# SyntaxError: await outside an async function.
await something()
