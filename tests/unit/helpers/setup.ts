// Every unit test starts with an empty private database (settings, this device's saved
// claims), as fakeBrowser.reset() gives it empty extension storage.
import { beforeEach } from 'vitest';
import { resetPrivateDbForTests } from '../../../adapters/private-db';

beforeEach(() => resetPrivateDbForTests());
