import {
	NodeHelpers,
	UnexpectedError,
	cronNodeOptions,
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

/** The real node classes, registered under `<package>.<name>` the way n8n's loader names community nodes. */
export class NodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(
		nodes: Array<INodeType | IVersionedNodeType>,
		prefix = 'n8n-nodes-integrationsmanagement',
	) {
		for (const node of nodes) {
			addPollTimes(node);
			this.byName.set(`${prefix}.${node.description.name}`, node);
		}
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const node = this.byName.get(type);
		if (!node) throw new UnexpectedError(`Unknown node type ${type}`);
		return node;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(
			[...this.byName.keys()].map((k) => [k, { className: k, sourcePath: '' }]),
		);
	}
}

/** n8n's loader adds the `pollTimes` parameter to polling nodes; a registry built by hand must do the same. */
function addPollTimes(node: INodeType | IVersionedNodeType): void {
	const versions = 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
	for (const { description } of versions) {
		if (!description.polling || description.properties.some((p) => p.name === 'pollTimes'))
			continue;
		description.properties.unshift({
			displayName: 'Poll Times',
			name: 'pollTimes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: { item: [{ mode: 'everyMinute' }] },
			options: cronNodeOptions,
		});
	}
}
