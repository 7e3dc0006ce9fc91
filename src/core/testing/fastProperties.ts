import { setFlagsFromString } from 'node:v8';

// V8's own word on how an object keeps its properties: in fields, or as a hash table.
setFlagsFromString('--allow-natives-syntax');
export const hasFastProperties = new Function('object', 'return %HasFastProperties(object)') as (object: object) => boolean;
