/**
 * Imported by the worker and the CLI right after dotenv and before anything else, because other
 * modules (the database client, Redis) read the configuration as they load: the check must come
 * first to refuse with one clear line rather than a stack trace, or worse, start on the public
 * development APP_KEY.
 */
import { requireStartupEnv } from "./env.server";

requireStartupEnv();
