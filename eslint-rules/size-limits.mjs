// Size limits every file of the repository keeps (README, "Keep files small"): no file over 300 lines and no
// function over 60 lines. Unlike ESLint's core `max-lines-per-function`, a test suite's `describe` callback
// is no function in this sense: it only groups tests, and each test in it is measured on its own.
const MAX_FUNCTION_LINES = 60;
const MAX_FILE_LINES = 300;

/** `describe(…, () => …)`, `describe.each(…)(…, () => …)`, `describe.skip(…)` and aliases of them such as `run`. */
function isSuiteCallback(node, suiteNames) {
	const call = node.parent;
	if (call?.type !== 'CallExpression' || !call.arguments.includes(node)) return false;
	let callee = call.callee;
	while (callee.type === 'CallExpression' || callee.type === 'MemberExpression')
		callee = callee.type === 'CallExpression' ? callee.callee : callee.object;
	return callee.type === 'Identifier' && suiteNames.includes(callee.name);
}

const functionLength = {
	meta: {
		type: 'suggestion',
		schema: [
			{ type: 'object', properties: { suiteNames: { type: 'array', items: { type: 'string' } } } },
		],
	},
	create(context) {
		const suiteNames = context.options[0]?.suiteNames ?? ['describe'];
		const check = (node) => {
			if (isSuiteCallback(node, suiteNames)) return;
			const lines = node.loc.end.line - node.loc.start.line + 1;
			if (lines > MAX_FUNCTION_LINES)
				context.report({
					node,
					message: `Function has ${lines} lines (at most ${MAX_FUNCTION_LINES}): split it into named steps.`,
				});
		};
		return {
			FunctionDeclaration: check,
			FunctionExpression: check,
			ArrowFunctionExpression: check,
		};
	},
};

const fileLength = {
	meta: { type: 'suggestion', schema: [] },
	create(context) {
		return {
			Program(node) {
				const lines = context.sourceCode.lines.length;
				if (lines > MAX_FILE_LINES)
					context.report({
						node,
						message: `File has ${lines} lines (at most ${MAX_FILE_LINES}): split it into files named after what they do.`,
					});
			},
		};
	},
};

export default { rules: { 'function-length': functionLength, 'file-length': fileLength } };
