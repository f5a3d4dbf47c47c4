// Every domain registers its item types, notification kinds and jobs with the shared rooms when
// its module loads. The server imports this once (hooks.server.ts), so pages that list all kinds
// (notification settings) or all reports see every domain.
import './people/register';
import './help/register';
import './initiatives/register';
import './carers/register';
import './signals/register';
import './coordination/register';
import './social-map/register';
