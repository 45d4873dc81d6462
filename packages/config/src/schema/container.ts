import * as z from 'zod';
import { parseContainerPublish } from '../ports.js';
import { dockerName, imageReference, ipv4, parsedString } from './common.js';

/** `-p` entries: `"8080:80"`, `"127.0.1.1:8080:80/udp"`, `"80"` or a bare number. */
const publishSchema = z
  .union([z.string(), z.number().transform(String)], { error: 'expected a port such as "8080:80" or "80"' })
  .pipe(parsedString(parseContainerPublish, 'CONFIG_ERR_INVALID_PORT'));

/** One `containers[]` entry (a standalone `docker run` on one node). */
export const containerSchema = z.strictObject({
  name: dockerName('container'),
  node: z.string(),
  image: imageReference,
  networks: z.array(z.string()).min(1, { error: 'expected at least one network' }).default(['bridge']),
  ip: ipv4.optional(),
  publish: z.array(publishSchema).default([])
});

/** A parsed `containers[]` entry. */
export type ContainerInput = z.output<typeof containerSchema>;
